import { injectable, Lifecycle, type DependencyContainer, type InjectionToken } from 'tsyringe';
import { DeftError } from '../errors/deft-error';
import { designParamTypes } from '../metadata/design-types';
import { isUserClass } from '../dto/user-class';

type ServiceClass = (abstract new (...args: never[]) => unknown) & { name: string };

function tokenName(token: InjectionToken): string {
  return typeof token === 'function' ? token.name : String(token);
}

/**
 * Makes sure a service can be resolved from the app's container, at start-up.
 * A class that nobody registered is registered as a singleton of this app (and
 * so are the classes its constructor needs), so services are singletons by
 * default; registrations the application made (e.g. `Lifecycle.ContainerScoped`
 * for request-scoped services) are left alone.
 */
export function ensureService(container: DependencyContainer, token: InjectionToken, where: string, seen = new Set<unknown>()): void {
  if (container.isRegistered(token, true) || seen.has(token)) return;
  seen.add(token);
  if (!isUserClass(token)) {
    throw new DeftError(
      'DEFT_ERR_DEPENDENCY_UNRESOLVABLE',
      `${where} needs the container token ${tokenName(token)}, which is not registered: register it (container.register(${JSON.stringify(tokenName(token))}, { useValue: ... })) and pass that container to createApp({ container }).`,
    );
  }
  const cls = token as unknown as ServiceClass & { length: number };
  const types = designParamTypes(cls);
  if (cls.length > 0 && !types) {
    throw new DeftError(
      'DEFT_ERR_DESIGN_TYPES_MISSING',
      `${where} needs the service ${cls.name}, whose constructor takes ${cls.length} parameter(s) but TypeScript emitted no types for them: add tsyringe's @injectable() to ${cls.name}.`,
    );
  }
  for (const [index, type] of (types ?? []).entries()) {
    const injected = (Reflect.getOwnMetadata?.('injectionTokens', cls) as Record<number, InjectionToken> | undefined)?.[index];
    if (injected !== undefined) ensureService(container, injected, `${cls.name} constructor parameter #${index}`, seen);
    else if (isUserClass(type)) ensureService(container, type as InjectionToken, `${cls.name} constructor parameter #${index}`, seen);
    else {
      throw new DeftError(
        'DEFT_ERR_DEPENDENCY_UNRESOLVABLE',
        `${where} needs the service ${cls.name}, whose constructor parameter #${index} is a ${typeof type === 'function' ? type.name : 'value of unknown type'}, which the container cannot provide: give it a class type, or name a registered token with tsyringe's @inject('token').`,
      );
    }
  }
  // Records tsyringe's constructor type information (what @injectable() does), then registers a singleton.
  injectable()(cls as unknown as new (...args: never[]) => unknown);
  container.register(cls as unknown as InjectionToken, { useClass: cls as unknown as new (...args: never[]) => unknown }, { lifecycle: Lifecycle.Singleton });
}
