import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { Controller, createApp, Get, Header, HTTPException, Security, SecurityScopes } from '@deft/core';

// #region current-user
interface User {
  username: string;
  scopes: string[];
}

@injectable()
class UserRepository {
  private readonly users: Record<string, User> = {
    'token-alice': { username: 'alice', scopes: ['me', 'items'] },
    'token-bob': { username: 'bob', scopes: ['me'] },
  };

  byToken(token: string): User | undefined {
    return this.users[token];
  }
}

@injectable()
class CurrentUser {
  constructor(private readonly users: UserRepository) {}

  resolve(scopes: SecurityScopes, @Header('x-token') token: string): User {
    const user = this.users.byToken(token);
    if (!user) throw new HTTPException(401, 'Could not validate credentials');
    const missing = scopes.scopes.filter((scope) => !user.scopes.includes(scope));
    if (missing.length > 0) throw new HTTPException(403, `Missing scopes: ${missing.join(' ')}`);
    return user;
  }
}

@Controller('/users')
class UsersController {
  @Get('/me')
  me(@Security(CurrentUser, ['me']) user: User) {
    return { username: user.username };
  }

  @Get('/me/items')
  items(@Security(CurrentUser, ['items']) user: User) {
    return [{ owner: user.username, item: 'Foo' }];
  }
}
// #endregion current-user

export const app = createApp({ controllers: [UsersController] });
