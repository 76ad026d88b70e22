import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException, Post, type DeftApp } from '@deft/core';
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm, safeCompare } from '@deft/security';

// #region users
interface User {
  username: string;
  email: string | null;
  full_name: string | null;
  disabled: boolean;
}

interface UserInDB extends User {
  hashed_password: string;
}

const fakeUsersDb: Readonly<Record<string, UserInDB>> = {
  johndoe: {
    username: 'johndoe',
    full_name: 'John Doe',
    email: 'johndoe@example.com',
    hashed_password: 'fakehashedsecret',
    disabled: false,
  },
  alice: {
    username: 'alice',
    full_name: 'Alice Wonderson',
    email: 'alice@example.com',
    hashed_password: 'fakehashedsecret2',
    disabled: true,
  },
};

function fakeHashPassword(password: string): string {
  return `fakehashed${password}`;
}

function getUser(username: string): UserInDB | undefined {
  return Object.hasOwn(fakeUsersDb, username) ? fakeUsersDb[username] : undefined;
}
// #endregion users

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

// #region current-user
function fakeDecodeToken(token: string): UserInDB | undefined {
  // This doesn't provide any security at all: the token is the user name.
  // The next example signs real tokens.
  return getUser(token);
}

export class CurrentUser {
  resolve(@Depends(oauth2Scheme) token: string): UserInDB {
    const user = fakeDecodeToken(token);
    if (!user) throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
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

// #region login
@Controller()
class AuthController {
  @Post('/token')
  login(@Depends() formData: OAuth2PasswordRequestForm) {
    const user = getUser(formData.username);
    if (!user) throw new HTTPException(400, 'Incorrect username or password');
    const hashedPassword = fakeHashPassword(formData.password);
    if (!safeCompare(hashedPassword, user.hashed_password)) throw new HTTPException(400, 'Incorrect username or password');
    return { access_token: user.username, token_type: 'bearer' };
  }

  @Get('/users/me')
  readUsersMe(@Depends(CurrentActiveUser) currentUser: UserInDB) {
    return currentUser;
  }
}
// #endregion login

export function createSimpleOAuth2App(): DeftApp {
  return createApp({ controllers: [AuthController] });
}
