import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { Controller, createApp, defineDependency, Depends, Get, Query, type DependencyParams, type DependencyRef } from '@deft/core';
import { deftErrorOf } from '../support/client';

describe('dependency mistakes fail at createApp with what to change', () => {
  it('prints a dependency cycle as A → B → A', () => {
    const declaration: Record<string, unknown> = {};
    const first = defineDependency(declaration as DependencyParams, () => 1);
    Object.defineProperty(first, 'name', { value: 'first' });
    const second = defineDependency({ a: Depends(first) }, () => 2);
    Object.defineProperty(second, 'name', { value: 'second' });
    declaration.b = Depends(second);
    @Controller()
    class C {
      @Get('/')
      read(@Depends(first) _x: number) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_CYCLE');
    expect(error.message).toContain('first() → second() → first()');
  });

  it('shows the constructor signature with the failing parameter marked, and the fixes', () => {
    @injectable()
    class Repo {}
    @injectable()
    class NeedsName {
      constructor(
        readonly repo: Repo,
        readonly name: string,
      ) {}
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(NeedsName) _n: NeedsName) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_UNRESOLVABLE');
    expect(error.message).toContain('NeedsName constructor parameter #1');
    expect(error.message).toContain('NeedsName(Repo, >>String<<)');
    expect(error.message).toContain("@Query('name')");
    expect(error.message).toContain("@inject('token')");
  });

  it('says that an interface-typed constructor parameter leaves nothing to inject', () => {
    interface Settings {
      debug: boolean;
    }
    @injectable()
    class UsesSettings {
      constructor(readonly settings: Settings) {}
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(UsesSettings) _u: UsesSettings) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.message).toContain('UsesSettings(>>Object<<)');
    expect(error.message).toContain('interface');
  });

  it('rejects what is none of the four forms', () => {
    const withParams = (a: number) => a;
    const cases: [unknown, string][] = [
      [42, 'not a function, a class, an object with a resolve() method, or a container token'],
      [withParams, 'defineDependency'],
      [undefined, 'undefined (a circular import?)'],
    ];
    for (const [dependency, hint] of cases) {
      @Controller()
      class C {
        @Get('/')
        read(@Depends(dependency as DependencyRef) _x: unknown) {
          return {};
        }
      }
      const error = deftErrorOf(() => createApp({ controllers: [C] }));
      expect(error.code).toBe('DEFT_ERR_DEPENDENCY_INVALID');
      expect(error.message).toContain('C.read() parameter #0');
      expect(error.message).toContain(hint);
    }
  });

  it('explains that Depends() on an interface-typed parameter has no type to use', () => {
    interface User {
      name: string;
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends() _user: User) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_INVALID');
    expect(error.message).toContain('the type Object is not a dependency');
  });

  it('names an unregistered container token', () => {
    @Controller()
    class C {
      @Get('/')
      read(@Depends('settings') _s: unknown) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_UNRESOLVABLE');
    expect(error.message).toContain('settings');
    expect(error.message).toContain('container.register');
  });

  it('asks for @injectable() on a service whose constructor types were not emitted', () => {
    class Plain {
      constructor(readonly x: Date) {}
    }
    @Controller()
    class C {
      @Get('/')
      read(plain: Plain) {
        return { ok: plain instanceof Plain };
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DESIGN_TYPES_MISSING');
    expect(error.message).toContain('@injectable() to Plain');
  });

  it('asks to decorate a resolve() method whose parameter types were not emitted', () => {
    class Resolver {
      resolve(scopes: unknown) {
        return scopes;
      }
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Resolver) _r: unknown, @Query('q') _q: string) {
        return {};
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [C] }));
    expect(error.code).toBe('DEFT_ERR_DESIGN_TYPES_MISSING');
    expect(error.message).toContain('Resolver.resolve()');
    expect(error.message).toContain('@Depends(RequestContext)');
  });
});
