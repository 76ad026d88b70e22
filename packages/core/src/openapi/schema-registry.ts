import type { DtoDescriptor } from '../dto/dto-descriptor';
import type { JsonSchema } from './openapi-types';

export const REF_PREFIX = '#/components/schemas/';

/** `{"$ref": "#/components/schemas/<name>"}` */
export function refTo(name: string): JsonSchema {
  return { $ref: REF_PREFIX + name };
}

/**
 * The document's `components.schemas`: each DTO class once, under its class
 * name (a different class with a name already taken gets `_2`, `_3`, ...),
 * plus the generated `Body_*` and validation-error schemas.
 */
export class SchemaRegistry {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly names = new Map<object, string>();

  constructor(
    private readonly describe: (dto: DtoDescriptor, registry: SchemaRegistry) => JsonSchema,
    private readonly separateModes = true,
  ) {}

  /** A `$ref` to the DTO's schema, describing the DTO the first time it is met. */
  refFor(dto: DtoDescriptor): JsonSchema {
    const known = this.names.get(dto.cls);
    if (known !== undefined) return refTo(known);
    let name = dto.name;
    for (let n = 2; this.schemas.has(name); n++) name = `${dto.name}_${n}`;
    this.names.set(dto.cls, name);
    // Reserved before describing, so a DTO that contains itself refers to its own name.
    this.schemas.set(name, {});
    this.schemas.set(name, this.describe(dto, this));
    return refTo(name);
  }

  /** Adds a generated schema (kept if the name is taken: generated names are unique per operation). */
  add(name: string, schema: JsonSchema): JsonSchema {
    if (!this.schemas.has(name)) this.schemas.set(name, schema);
    return refTo(name);
  }

  get size(): number {
    return this.schemas.size;
  }

  /** All schemas, sorted by name. */
  sorted(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.schemas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
