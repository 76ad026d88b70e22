from bench_security import oauth2_scheme
from fastapi import APIRouter, Depends

router = APIRouter()


@router.get("/items/")
async def read_items(token: str = Depends(oauth2_scheme)):
    return {"token": token}
