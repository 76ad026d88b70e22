import { ClassSerializerInterceptor, Controller, Get, Inject, Injectable, Module, Scope, UseInterceptors } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../../apps/bearer-token';
import { notAuthenticated } from '../../apps/nest/http-errors';
import { UserEntity, UsersService } from './nest-users';
import type { UserRecord } from './users';

/**
 * The chain as request-scoped providers (NestJS's answer to per-request
 * dependencies): each is constructed for every request, and so is the
 * controller that needs them.
 */
@Injectable({ scope: Scope.REQUEST })
class RequestToken {
  constructor(@Inject(REQUEST) private readonly request: FastifyRequest) {}

  value(): string {
    const token = bearerToken(this.request.headers.authorization);
    if (token === undefined) throw notAuthenticated();
    return token;
  }
}

@Injectable({ scope: Scope.REQUEST })
class CurrentUser {
  constructor(
    private readonly token: RequestToken,
    private readonly users: UsersService,
  ) {}

  value(): UserRecord {
    return this.users.currentUser(this.token.value());
  }
}

@Injectable({ scope: Scope.REQUEST })
class ActiveUser {
  constructor(
    private readonly current: CurrentUser,
    private readonly users: UsersService,
  ) {}

  value(): UserRecord {
    return this.users.activeUser(this.current.value());
  }
}

@Controller()
@UseInterceptors(ClassSerializerInterceptor)
class ChainRequestScopeController {
  constructor(private readonly activeUser: ActiveUser) {}

  @Get('users/me')
  readUsersMe() {
    return new UserEntity(this.activeUser.value());
  }
}

@Module({ controllers: [ChainRequestScopeController], providers: [UsersService, RequestToken, CurrentUser, ActiveUser] })
export class ChainRequestScopeModule {}
