import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../scenarios/chain/users';
import { bearerToken } from '../bearer-token';
import { notAuthenticated } from './http-errors';

/** The request as the guards leave it. */
export type AuthRequest = FastifyRequest & { token?: string; user?: UserRecord };

/** Requires `Authorization: Bearer <token>` and keeps the token on the request. */
@Injectable()
export class BearerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw notAuthenticated();
    request.token = token;
    return true;
  }
}

/** The token `BearerGuard` accepted. */
export const Token = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthRequest>().token);
