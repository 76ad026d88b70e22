import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** An HttpException with FastAPI's `{"detail": ...}` body and response headers (a Bearer challenge). */
export class HttpErrorWithHeaders extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super({ detail }, status);
  }
}

export const notAuthenticated = (detail = 'Not authenticated') => new HttpErrorWithHeaders(401, detail, { 'www-authenticate': 'Bearer' });

/** Nest's default filter drops headers; this one sends them with the body. */
@Catch(HttpErrorWithHeaders)
export class HeadersFilter implements ExceptionFilter<HttpErrorWithHeaders> {
  catch(exception: HttpErrorWithHeaders, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.code(exception.getStatus()).headers(exception.headers).send(exception.getResponse());
  }
}
