import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException, Post, type DeftApp } from '@deft/core';
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from '@deft/security';
import { ACCESS_TOKEN_EXPIRE_MINUTES, createAccessToken, decodeAccessToken } from './tokens';
import { authenticateUser, getUser, Token, User, type UserInDB } from './users';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

// #region current-user
export class CurrentUser {
  async resolve(@Depends(oauth2Scheme) token: string): Promise<UserInDB> {
    const credentialsException = new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' });
    const payload = await decodeAccessToken(token);
    const username = payload?.sub;
    if (typeof username !== 'string') throw credentialsException;
    const user = getUser(username);
    if (!user) throw credentialsException;
    return user;
  }
}

export class CurrentActiveUser {
  resolve(@Depends(CurrentUser) currentUser: UserInDB): UserInDB {
    if (currentUser.disabled) throw new HTTPException(400, 'Inactive user');
    return currentUser;
  }
}
// #endregion current-user

// #region controller
@Controller()
class AuthController {
  @Post('/token', { responseModel: Token })
  async loginForAccessToken(@Depends() formData: OAuth2PasswordRequestForm): Promise<Token> {
    const user = await authenticateUser(formData.username, formData.password);
    if (!user) throw new HTTPException(401, 'Incorrect username or password', { 'WWW-Authenticate': 'Bearer' });
    const accessToken = await createAccessToken({ sub: user.username }, ACCESS_TOKEN_EXPIRE_MINUTES);
    return { access_token: accessToken, token_type: 'bearer' };
  }

  @Get('/users/me/', { responseModel: User })
  readUsersMe(@Depends(CurrentActiveUser) currentUser: User) {
    return currentUser;
  }

  @Get('/users/me/items/')
  readOwnItems(@Depends(CurrentActiveUser) currentUser: User) {
    return [{ item_id: 'Foo', owner: currentUser.username }];
  }
}
// #endregion controller

export function createJwtApp(): DeftApp {
  return createApp({ controllers: [AuthController], title: 'Deft JWT example' });
}
