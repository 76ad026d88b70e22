from functools import lru_cache

from fastapi import APIRouter, Depends, HTTPException

router = APIRouter()


@lru_cache
def load_catalog():
    """FastAPI has no app scope: a cached function is how its apps make a thing once."""
    products = [
        {"sku": "lamp-01", "name": "Desk lamp", "price": 30},
        {"sku": "desk-07", "name": "Standing desk", "price": 420},
    ]
    return {product["sku"]: product for product in products}


@router.get("/catalog/{sku}")
async def read_product(sku: str, catalog: dict = Depends(load_catalog)):
    if sku not in catalog:
        raise HTTPException(status_code=404, detail="Product not found")
    return catalog[sku]
