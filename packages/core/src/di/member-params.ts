import type { InjectionToken } from 'tsyringe';
import { DeftError } from '../errors/deft-error';
import { designParamTypes, reflectMetadataLoaded } from '../metadata/design-types';
import { CONSTRUCTOR, getOwnParams } from '../metadata/metadata-store';
import type { RequestParamSpec } from '../metadata/records';
import { isUserClass } from '../dto/user-class';
import { DEPENDS_MARKER, type DependsSpec } from '../metadata/depends-spec';
import { INJECTED_TYPES, type InjectedKind } from './injected-types';

/** How one parameter of a handler, constructor or `resolve` method gets its value, read once from metadata. */
export type ParamDeclaration =
  | { readonly kind: 'request'; readonly spec: RequestParamSpec; readonly reflected: unknown; readonly where: string }
  | { readonly kind: 'depends'; readonly spec: DependsSpec; readonly reflected: unknown; readonly where: string }
  | { readonly kind: InjectedKind; readonly where: string }
  | { readonly kind: 'service'; readonly token: InjectionToken; readonly where: string };

type Member = string | typeof CONSTRUCTOR;

/** tsyringe's `@inject(token)` records constructor tokens under this key. */
const TSYRINGE_INJECTION_TOKENS = 'injectionTokens';

function typeName(type: unknown): string {
  if (type === undefined) return 'unknown';
  return typeof type === 'function' ? type.name || 'anonymous' : String(type);
}

export function describeMember(cls: { name: string }, member: Member): string {
  return member === CONSTRUCTOR ? `${cls.name} constructor` : `${cls.name}.${member}()`;
}

/** The class in `cls`'s chain whose own code declares `member` (inherited handlers and constructors). */
function ownerOf(cls: object, member: Member): object {
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (member === CONSTRUCTOR) {
      if (getOwnParams(c, CONSTRUCTOR) || designParamTypes(c)) return c;
    } else if (Object.prototype.hasOwnProperty.call((c as { prototype: object }).prototype, member)) {
      return c;
    }
  }
  return cls;
}

function signature(types: readonly unknown[], failing: number): string {
  return types.map((t, i) => (i === failing ? `>>${typeName(t)}<<` : typeName(t))).join(', ');
}

function undecoratedError(owner: { name: string }, member: Member, index: number, type: unknown, types: readonly unknown[]): DeftError {
  const where = `${describeMember(owner, member)} parameter #${index}`;
  const sig = `${member === CONSTRUCTOR ? owner.name : `${owner.name}.${member}`}(${signature(types, index)})`;
  const reason =
    type === Object || type === undefined
      ? 'its TypeScript type is an interface, a union or `any` (Object at run time), so nothing can be injected by type'
      : `a ${typeName(type)} cannot be injected by type`;
  return new DeftError(
    member === CONSTRUCTOR ? 'DEFT_ERR_DEPENDENCY_UNRESOLVABLE' : 'DEFT_ERR_PARAM_UNDECORATED',
    `${where} has no Deft decorator and ${reason}.\n  ${sig}\n` +
      `  Fixes: say where it comes from (@Query('name'), @Path('id'), @Header('x-token'), @Body(), @Depends(dependency)); ` +
      `type it as a class the container can provide (a service), SecurityScopes, RequestContext, ConnectionContext, BackgroundTasks or WebSocketConnection` +
      (member === CONSTRUCTOR ? "; or name a container token with tsyringe's @inject('token')." : '.'),
  );
}

const cache = new WeakMap<object, Map<Member, readonly ParamDeclaration[]>>();

/**
 * Reads how each parameter of `member` (a method, or the constructor) gets its
 * value. Throws a `DeftError` naming the parameter for anything that cannot
 * work. Cached per class and member: routes sharing a dependency read it once.
 */
export function memberParams(cls: object, member: Member): readonly ParamDeclaration[] {
  let byMember = cache.get(cls);
  if (!byMember) cache.set(cls, (byMember = new Map()));
  const cached = byMember.get(member);
  if (cached) return cached;
  const declarations = readMemberParams(cls, member);
  byMember.set(member, declarations);
  return declarations;
}

function readMemberParams(cls: object, member: Member): readonly ParamDeclaration[] {
  const owner = ownerOf(cls, member) as { name: string; length: number; prototype: Record<string, unknown> };
  const records = getOwnParams(owner, member);
  const types = designParamTypes(owner, member === CONSTRUCTOR ? undefined : member);
  const fn = member === CONSTRUCTOR ? owner : owner.prototype[member];
  const declaredCount = typeof fn === 'function' ? fn.length : 0;
  const recordCount = records ? Math.max(-1, ...records.keys()) + 1 : 0;
  const count = Math.max(types?.length ?? 0, declaredCount, recordCount);
  if (count === 0) return [];
  if (!types) {
    if (!reflectMetadataLoaded()) {
      throw new DeftError(
        'DEFT_ERR_REFLECT_METADATA_MISSING',
        `${describeMember(owner, member)} has parameters, but reflect-metadata is not loaded: add \`import 'reflect-metadata';\` as the first line of your entry point.`,
      );
    }
    throw new DeftError(
      'DEFT_ERR_DESIGN_TYPES_MISSING',
      `${describeMember(owner, member)} has ${count} parameter(s) but TypeScript emitted no types for them. ` +
        (member === CONSTRUCTOR
          ? `Add a class decorator (e.g. tsyringe's @injectable()) to ${owner.name} so TypeScript records its constructor's types; `
          : 'TypeScript records a method\'s parameter types only when a parameter is decorated: decorate one (e.g. `@Depends(RequestContext) context: RequestContext`); ') +
        'check that tsconfig has "emitDecoratorMetadata": true and "experimentalDecorators": true, that the code is compiled by tsc or SWC ' +
        '(esbuild-based tools such as tsx drop these types), and that reflect-metadata is imported before this class is defined.',
    );
  }
  const injectionTokens =
    member === CONSTRUCTOR
      ? ((Reflect.getOwnMetadata?.(TSYRINGE_INJECTION_TOKENS, owner) as Record<number, InjectionToken> | undefined) ?? {})
      : {};
  const declarations: ParamDeclaration[] = [];
  for (let index = 0; index < count; index++) {
    const where = `${describeMember(owner, member)} parameter #${index}`;
    const reflected = types[index];
    const found = records?.get(index) ?? [];
    if (found.length > 1) {
      throw new DeftError('DEFT_ERR_PARAM_DECORATED_TWICE', `${where} has ${found.length} Deft parameter decorators; keep exactly one.`);
    }
    const record = found[0];
    if (record?.kind === 'request') {
      declarations.push({ kind: 'request', spec: record.spec, reflected, where });
    } else if (record?.kind === 'depends') {
      declarations.push({ kind: 'depends', spec: record.marker[DEPENDS_MARKER], reflected, where });
    } else if (injectionTokens[index] !== undefined) {
      declarations.push({ kind: 'service', token: injectionTokens[index]!, where });
    } else {
      const special = INJECTED_TYPES.get(reflected);
      if (special) declarations.push({ kind: special, where });
      else if (isUserClass(reflected)) declarations.push({ kind: 'service', token: reflected as InjectionToken, where });
      else throw undecoratedError(owner, member, index, reflected, types);
    }
  }
  return declarations;
}
