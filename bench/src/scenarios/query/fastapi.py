from typing import Literal

from fastapi import APIRouter, Query
from pydantic import VERSION

# Pydantic 2 (current FastAPI) names it `pattern`; Pydantic 1 (Debian's FastAPI 0.92) `regex`.
PATTERN = "pattern" if VERSION.startswith("2") else "regex"

router = APIRouter()


@router.get("/search")
async def search(
    q: str = Query(..., min_length=3, max_length=50),
    page: int = Query(1, ge=1),
    size: int = Query(10, ge=1, le=100),
    sort: Literal["name", "price", "date"] = "name",
    lang: str = Query("en", **{PATTERN: "^[a-z]{2}$"}),
):
    return {"q": q, "page": page, "size": size, "sort": sort, "lang": lang}
