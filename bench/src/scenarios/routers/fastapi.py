from fastapi import APIRouter, Depends, Header, HTTPException

ITEMS = {"plumbus": {"name": "Plumbus"}, "gun": {"name": "Portal Gun"}}


async def verify_shop_token(x_token: str = Header()):
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_partner(token: str):
    if token != "jessica":
        raise HTTPException(status_code=400, detail="No Jessica token provided")


items = APIRouter(prefix="/items", dependencies=[Depends(verify_partner)])


@items.get("/{item_id}")
async def read_item(item_id: str):
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"item_id": item_id, "name": ITEMS[item_id]["name"]}


router = APIRouter(prefix="/shop", dependencies=[Depends(verify_shop_token)])
router.include_router(items)
