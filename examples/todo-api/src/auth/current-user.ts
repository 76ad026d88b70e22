import { Depends, HTTPException, SecurityScopes } from '@deft/core';
import { injectable } from 'tsyringe';
import { currentTime } from '../clock/current-time';
import { UseTransaction } from '../db/transaction';
import type { Db } from '../db/schema';
import type { User } from '../users/user';
import { UserRepository } from '../users/user-repository';
import { oauth2Scheme } from './scopes';
import { TokenService } from './token-service';

// #region current-user
/**
 * The authenticated user, as a dependency: `@Security(CurrentUser, ['todos:read'])`.
 * Services come in through the constructor; the token, the request's
 * transaction, the time and the scopes the route requires come in through
 * `resolve`. A token grants the scopes it carries that the account still has.
 */
@injectable()
export class CurrentUser {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async resolve(
    required: SecurityScopes,
    @Depends(oauth2Scheme) token: string,
    @UseTransaction db: Db,
    @Depends(currentTime) now: Date,
  ): Promise<User> {
    const challenge = required.scopes.length > 0 ? `Bearer scope="${required.scopeStr}"` : 'Bearer';
    const claims = await this.tokens.verify(token, now);
    const user = claims && (await this.users.byId(db, claims.userId));
    if (!claims || !user) {
      throw new HTTPException(401, 'Could not validate credentials', { 'WWW-Authenticate': challenge });
    }
    const granted = claims.scopes.filter((scope) => user.scopes.includes(scope));
    if (required.scopes.some((scope) => !granted.includes(scope))) {
      throw new HTTPException(403, 'Not enough permissions', { 'WWW-Authenticate': `${challenge}, error="insufficient_scope"` });
    }
    return user;
  }
}
// #endregion current-user
