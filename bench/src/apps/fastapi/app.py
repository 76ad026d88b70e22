"""Every scenario as one FastAPI app; each scenario's routes live in its folder's fastapi.py."""
import importlib.util
import pathlib

from fastapi import FastAPI

SCENARIOS = pathlib.Path(__file__).resolve().parents[2] / "scenarios"


def load_router(scenario: str):
    spec = importlib.util.spec_from_file_location(f"bench_{scenario}", SCENARIOS / scenario / "fastapi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.router


app = FastAPI()
for name in ("hello", "seed", "chain", "body", "query", "routers", "app-scoped"):
    app.include_router(load_router(name))
