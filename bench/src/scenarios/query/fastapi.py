from typing import Literal

from fastapi import APIRouter, Query

router = APIRouter()


@router.get("/search")
async def search(
    q: str = Query(..., min_length=3, max_length=50),
    page: int = Query(1, ge=1),
    size: int = Query(10, ge=1, le=100),
    sort: Literal["name", "price", "date"] = "name",
    lang: str = Query("en", regex="^[a-z]{2}$"),
):
    return {"q": q, "page": page, "size": size, "sort": sort, "lang": lang}
