import 'reflect-metadata';
import { Body, Controller, createApp, defineDependency, Depends, HTTPException, Int, Post, Query, type DeftApp } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';
import { IsArray, IsInt, IsNumber, IsString, Min, MinLength } from 'class-validator';

export const CONTROLLERS = 50;
export const ROUTES_PER_CONTROLLER = 20;

type Decorator = (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => unknown;
const decorate = (decorators: readonly unknown[], target: object, key?: string) =>
  Reflect.decorate(decorators as Decorator[] as never, target as never, key as never, key === undefined ? undefined : (Object.getOwnPropertyDescriptor(target, key) as never));
const param = (index: number, decorator: ParameterDecorator) => (target: object, key: string) => decorator(target, key, index);
const type = (value: unknown) => Reflect.metadata('design:type', value);

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });

/**
 * A DTO class of its own for route `n`, decorated as TypeScript's emit would
 * decorate a written one (`__decorate` with `design:type` metadata).
 */
function dtoFor(n: number): new () => object {
  const dto = { [`Item${n}`]: class {} }[`Item${n}`]!;
  decorate([IsString(), MinLength(1), type(String)], dto.prototype, 'name');
  decorate([IsNumber(), Min(0), type(Number)], dto.prototype, 'price');
  decorate([IsInt(), Min(0), type(Number)], dto.prototype, 'quantity');
  decorate([IsArray(), IsString({ each: true }), type(Array)], dto.prototype, 'tags');
  return dto;
}

/** Route `n`'s two-level dependency: its own check, on top of its own user lookup, on top of the bearer token. */
function dependencyFor(n: number) {
  const user = defineDependency({ token: Depends(oauth2Scheme) }, ({ token }) => {
    if (token !== 'secret') throw new HTTPException(401, 'Invalid authentication credentials');
    return { name: `user${n}` };
  });
  return defineDependency({ user: Depends(user), limit: Query(`limit${n}`, { type: Int, default: 10, ge: 1 }) }, ({ user, limit }) => ({ ...user, limit }));
}

function controllerFor(c: number): new () => object {
  const cls = { [`Controller${c}`]: class {} }[`Controller${c}`]!;
  const proto = cls.prototype as Record<string, unknown>;
  for (let r = 0; r < ROUTES_PER_CONTROLLER; r++) {
    const n = c * ROUTES_PER_CONTROLLER + r;
    const key = `create${n}`;
    const dto = dtoFor(n);
    proto[key] = function create(context: object, body: object) {
      return { context, body };
    };
    decorate(
      [
        Post(`/items${r}`, { statusCode: 201 }),
        param(0, Depends(dependencyFor(n))),
        param(1, Body()),
        type(Function),
        Reflect.metadata('design:paramtypes', [Object, dto]),
        Reflect.metadata('design:returntype', Object),
      ],
      proto,
      key,
    );
  }
  decorate([Controller(`/c${c}`, { tags: [`group${c}`] })], cls);
  return cls;
}

/**
 * The app's CONTROLLERS classes, with ROUTES_PER_CONTROLLER routes each: what
 * loading a written app's modules runs (its decorators), before `createApp`.
 */
export function defineThousandRoutes(): (new () => object)[] {
  return Array.from({ length: CONTROLLERS }, (_, c) => controllerFor(c));
}

/** A Deft app of the controllers, each route with a two-level dependency and its own DTO body. */
export function createThousandRoutesApp(controllers: readonly (new () => object)[] = defineThousandRoutes()): DeftApp {
  return createApp({ controllers: [...controllers], fastify: { logger: false } });
}
