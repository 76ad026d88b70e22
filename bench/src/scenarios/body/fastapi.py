from enum import Enum
from typing import List, Optional

from fastapi import APIRouter
from pydantic import VERSION, BaseModel, Field

# Pydantic 2 (current FastAPI) names it `pattern`; Pydantic 1 (Debian's FastAPI 0.92) `regex`.
PATTERN = "pattern" if VERSION.startswith("2") else "regex"

router = APIRouter()


class Category(str, Enum):
    tools = "tools"
    toys = "toys"
    books = "books"


class Dimensions(BaseModel):
    width: float = Field(ge=0)
    height: float = Field(ge=0)
    depth: float = Field(ge=0)


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    description: Optional[str] = None
    price: float = Field(ge=0)
    tax: Optional[float] = Field(default=None, ge=0)
    quantity: int = Field(ge=0)
    in_stock: bool
    tags: List[str]
    dimensions: Dimensions
    sku: str = Field(**{PATTERN: r"^[A-Z]{3}-\d{4}$"})
    category: Category


@router.post("/items", status_code=201)
async def create_item(item: Item):
    return item
