import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException, type Dependable } from '@deft/core';
import { TestClient, type TestResponse } from '@deft/testing';

/**
 * A client for an app with one route, `GET /users/me`, that depends on
 * `scheme` and answers with what it resolved to, or FastAPI's tests'
 * `{"msg": "Create an account first"}` for `null`.
 */
export function clientFor(scheme: Dependable): TestClient {
  @Controller()
  class UsersController {
    @Get('/users/me')
    me(@Depends(scheme) value: unknown) {
      return value === null ? { msg: 'Create an account first' } : { value };
    }
  }
  return new TestClient(createApp({ controllers: [UsersController] }));
}

/** `Basic base64(text)`, the header HTTP Basic clients send. */
export function basic(text: string): string {
  return `Basic ${Buffer.from(text, 'latin1').toString('base64')}`;
}

/** Asserts FastAPI's not-authenticated answer: 401, `{"detail":"Not authenticated"}` and the challenge. */
export function expectNotAuthenticated(res: TestResponse, challenge: string): void {
  expect({ status: res.status, challenge: res.headers['www-authenticate'], body: res.json() }).toEqual({
    status: 401,
    challenge,
    body: { detail: 'Not authenticated' },
  });
}

/** Asserts the 403 answer of the subclasses that override `makeNotAuthenticatedError()`. */
export function expectForbidden(res: TestResponse): void {
  expect({ status: res.status, challenge: res.headers['www-authenticate'], body: res.json() }).toEqual({
    status: 403,
    challenge: undefined,
    body: { detail: 'Not authenticated' },
  });
}

/** What subclasses restoring FastAPI's old 403 return from `makeNotAuthenticatedError()`. */
export function forbidden(): HTTPException {
  return new HTTPException(403, 'Not authenticated');
}
