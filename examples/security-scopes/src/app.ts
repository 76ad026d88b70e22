import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException, Post, Security, SecurityScopes, type DeftApp } from '@deft/core';
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from '@deft/security';
import { ACCESS_TOKEN_EXPIRE_MINUTES, createAccessToken, decodeAccessToken } from '@deft-examples/security-jwt/tokens';
import { authenticateUser, getUser, Token, User, type UserInDB } from '@deft-examples/security-jwt/users';

// #region scheme
const oauth2Scheme = new OAuth2PasswordBearer({
  tokenUrl: 'token',
  scopes: { me: 'Read information about the current user.', items: 'Read items.' },
});
// #endregion scheme

// #region current-user
export class CurrentUser {
  async resolve(securityScopes: SecurityScopes, @Depends(oauth2Scheme) token: string): Promise<UserInDB> {
    const authenticateValue = securityScopes.scopes.length > 0 ? `Bearer scope="${securityScopes.scopeStr}"` : 'Bearer';
    const credentialsException = new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': authenticateValue });
    const payload = await decodeAccessToken(token);
    const username = payload?.sub;
    if (typeof username !== 'string') throw credentialsException;
    const tokenScopes = typeof payload?.scope === 'string' ? payload.scope.split(' ') : [];
    const user = getUser(username);
    if (!user) throw credentialsException;
    for (const scope of securityScopes.scopes) {
      if (!tokenScopes.includes(scope)) {
        throw new HTTPException(401, 'Not enough permissions', { 'WWW-Authenticate': authenticateValue });
      }
    }
    return user;
  }
}

export class CurrentActiveUser {
  resolve(@Security(CurrentUser, ['me']) currentUser: UserInDB): UserInDB {
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
    if (!user) throw new HTTPException(400, 'Incorrect username or password');
    const accessToken = await createAccessToken({ sub: user.username, scope: formData.scopes.join(' ') }, ACCESS_TOKEN_EXPIRE_MINUTES);
    return { access_token: accessToken, token_type: 'bearer' };
  }

  @Get('/users/me/', { responseModel: User })
  readUsersMe(@Depends(CurrentActiveUser) currentUser: User) {
    return currentUser;
  }

  @Get('/users/me/items/')
  readOwnItems(@Security(CurrentActiveUser, ['items']) currentUser: User) {
    return [{ item_id: 'Foo', owner: currentUser.username }];
  }

  @Get('/status/')
  readSystemStatus(@Depends(CurrentUser) _currentUser: User) {
    return { status: 'ok' };
  }
}
// #endregion controller

export function createScopesApp(): DeftApp {
  return createApp({ controllers: [AuthController], title: 'Deft scopes example' });
}
