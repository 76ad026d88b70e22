from bench_security import oauth2_scheme
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

router = APIRouter()


class User(BaseModel):
    username: str
    email: str
    full_name: str
    disabled: bool


class UserInDB(User):
    hashed_password: str


USERS = {
    "johndoe": UserInDB(username="johndoe", email="johndoe@example.com", full_name="John Doe", disabled=False,
                        hashed_password="fakehashedsecret"),
    "alice": UserInDB(username="alice", email="alice@example.com", full_name="Alice Wonderson", disabled=True,
                      hashed_password="fakehashedsecret2"),
}


async def get_current_user(token: str = Depends(oauth2_scheme)) -> UserInDB:
    user = USERS.get(token)
    if user is None:
        raise HTTPException(status_code=401, detail="Invalid authentication credentials",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


async def get_current_active_user(user: UserInDB = Depends(get_current_user)) -> UserInDB:
    if user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return user


@router.get("/users/me", response_model=User)
async def read_users_me(user: UserInDB = Depends(get_current_active_user)):
    return user
