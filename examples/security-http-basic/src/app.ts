import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException, type DeftApp } from '@deft/core';
import { HTTPBasic, HTTPBasicCredentials, safeCompare } from '@deft/security';

const security = new HTTPBasic();

// #region check
export class CurrentUsername {
  resolve(@Depends(security) credentials: HTTPBasicCredentials): string {
    // Compare both, always: stopping at a wrong username would tell an attacker it is wrong.
    const isCorrectUsername = safeCompare(credentials.username, 'stanleyjobson');
    const isCorrectPassword = safeCompare(credentials.password, 'swordfish');
    if (!(isCorrectUsername && isCorrectPassword)) {
      throw new HTTPException(401, 'Incorrect username or password', { 'WWW-Authenticate': 'Basic' });
    }
    return credentials.username;
  }
}
// #endregion check

@Controller()
class UsersController {
  @Get('/users/me')
  readCurrentUser(@Depends(CurrentUsername) username: string) {
    return { username };
  }
}

export function createHttpBasicApp(): DeftApp {
  return createApp({ controllers: [UsersController] });
}
