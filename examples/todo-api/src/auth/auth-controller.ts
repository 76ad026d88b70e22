import { BackgroundTasks, Body, Controller, Depends, HTTPException, Post, RequestContext } from '@deft/core';
import { OAuth2PasswordRequestForm } from '@deft/security';
import { AuditLog } from '../audit/audit-log';
import { currentTime } from '../clock/current-time';
import type { Db } from '../db/schema';
import { UseTransaction, type Tx } from '../db/transaction';
import { PasswordHasher } from '../users/password-hasher';
import { RegisterIn, UserOut } from '../users/user-dtos';
import { UserExistsError, UserRepository } from '../users/user-repository';
import { defaultScopes } from './scopes';
import { TokenOut } from './token-dtos';
import { TokenService } from './token-service';

@Controller('/auth', { tags: ['auth'] })
export class AuthController {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
  ) {}

  @Post('/register', {
    statusCode: 201,
    responseModel: UserOut,
    summary: 'Create an account',
    responses: { 409: { description: 'The username or email is already registered' } },
  })
  async register(@Body() body: RegisterIn, @UseTransaction tx: Tx, @Depends(currentTime) now: Date, tasks: BackgroundTasks) {
    try {
      const user = await this.users.create(tx, {
        username: body.username,
        email: body.email,
        fullName: body.fullName ?? null,
        hashedPassword: await this.hasher.hash(body.password),
        scopes: defaultScopes,
        createdAt: now,
      });
      tasks.addTask(() => this.audit.record({ at: now, user: user.username, action: 'user.registered' }));
      return user;
    } catch (error) {
      if (error instanceof UserExistsError) throw new HTTPException(409, error.message);
      throw error;
    }
  }

  // #region token
  @Post('/token', {
    responseModel: TokenOut,
    summary: 'Log in (OAuth2 password flow)',
    responses: { 400: { description: 'Incorrect username or password' } },
  })
  async token(
    @Depends() form: OAuth2PasswordRequestForm,
    @UseTransaction db: Db,
    @Depends(currentTime) now: Date,
    response: RequestContext,
    tasks: BackgroundTasks,
  ): Promise<TokenOut> {
    const user = await this.users.byUsername(db, form.username);
    if (!(await this.hasher.verify(user?.hashedPassword, form.password)) || !user) {
      throw new HTTPException(400, 'Incorrect username or password');
    }
    const granted = form.scopes.length === 0 ? user.scopes : user.scopes.filter((scope) => form.scopes.includes(scope));
    const { accessToken, expiresIn } = await this.tokens.issue({ userId: user.id, scopes: granted }, now);
    response.setHeader('Cache-Control', 'no-store');
    tasks.addTask(() => this.audit.record({ at: now, user: user.username, action: 'token.issued' }));
    return { access_token: accessToken, token_type: 'bearer', expires_in: expiresIn, scope: granted.join(' ') };
  }
  // #endregion token
}
