import type { DtoDescriptor } from '../dto/dto-descriptor';
import type { JsonSchema } from './openapi-types';

export const REF_PREFIX = '#/components/schemas/';

/** `{"$ref": "#/components/schemas/<name>"}` */
export function refTo(name: string): JsonSchema {
  return { $ref: REF_PREFIX + name };
}

/** Whether a schema describes what a request may send or what a response writes (they differ for a `Decimal`). */
export type SchemaMode = 'input' | 'output';

export type DescribeDto = (dto: DtoDescriptor, registry: SchemaRegistry, mode: SchemaMode) => JsonSchema;

interface Entry {
  /** The name the class gets (its own, or `_2`, `_3` when another class took it). */
  readonly base: string;
  readonly schemas: Partial<Record<SchemaMode, JsonSchema>>;
}

/**
 * The document's `components.schemas`: each DTO class once, under its class
 * name (a different class with a name already taken gets `_2`, `_3`, ...),
 * plus the generated `Body_*` and validation-error schemas. A class used both
 * in requests and in responses whose two schemas differ is two schemas,
 * `Item-Input` and `Item-Output`, as Pydantic names them (unless
 * `separateModes` is off: then requests' schema serves both).
 * References are handed out before the names are final, and named when the
 * document is complete.
 */
export class SchemaRegistry {
  private readonly generated = new Map<string, JsonSchema>();
  private readonly entries = new Map<object, Entry>();
  private readonly taken = new Set<string>();
  private readonly refs = new Map<JsonSchema, { readonly cls: object; readonly mode: SchemaMode }>();

  constructor(
    private readonly describe: DescribeDto,
    private readonly separateModes = true,
  ) {}

  /** A `$ref` to the DTO's schema in this mode, describing the DTO the first time it is met so. */
  refFor(dto: DtoDescriptor, requested: SchemaMode = 'input'): JsonSchema {
    const mode = this.separateModes ? requested : 'input';
    let entry = this.entries.get(dto.cls);
    if (!entry) {
      let base = dto.name;
      for (let n = 2; this.taken.has(base); n++) base = `${dto.name}_${n}`;
      this.taken.add(base);
      this.entries.set(dto.cls, (entry = { base, schemas: {} }));
    }
    const ref: JsonSchema = { $ref: '' };
    this.refs.set(ref, { cls: dto.cls, mode });
    if (!entry.schemas[mode]) {
      // Reserved before describing, so a DTO that contains itself refers to its own entry.
      entry.schemas[mode] = {};
      entry.schemas[mode] = this.describe(dto, this, mode);
    }
    return ref;
  }

  /** Adds a generated schema (kept if the name is taken: generated names are unique per operation). */
  add(name: string, schema: JsonSchema): JsonSchema {
    if (!this.generated.has(name)) this.generated.set(name, schema);
    this.taken.add(name);
    return refTo(name);
  }

  get size(): number {
    return this.generated.size + this.entries.size;
  }

  /** All schemas, sorted by name, every reference handed out now pointing at its final name. */
  sorted(): Record<string, JsonSchema> {
    const split = this.splitClasses();
    const nameOf = (cls: object, mode: SchemaMode): string => {
      const entry = this.entries.get(cls)!;
      return split.has(cls) ? `${entry.base}-${mode === 'input' ? 'Input' : 'Output'}` : entry.base;
    };
    for (const [ref, { cls, mode }] of this.refs) ref.$ref = REF_PREFIX + nameOf(cls, mode);
    const all = new Map(this.generated);
    for (const [cls, entry] of this.entries) {
      if (split.has(cls)) {
        all.set(nameOf(cls, 'input'), entry.schemas.input!);
        all.set(nameOf(cls, 'output'), entry.schemas.output!);
      } else {
        all.set(entry.base, (entry.schemas.input ?? entry.schemas.output)!);
      }
    }
    return Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * The classes described in both modes whose schemas differ, by a field's own
   * schema or through a class they refer to (found until nothing changes, so
   * classes that refer to each other settle too).
   */
  private splitClasses(): Set<object> {
    const split = new Set<object>();
    const both = [...this.entries].filter(([, entry]) => entry.schemas.input && entry.schemas.output);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [cls, entry] of both) {
        if (split.has(cls)) continue;
        if (this.comparable(entry.schemas.input!, split) !== this.comparable(entry.schemas.output!, split)) {
          split.add(cls);
          changed = true;
        }
      }
    }
    return split;
  }

  /** A schema as text, each reference written as its class (and its mode, for a class that splits). */
  private comparable(schema: JsonSchema, split: ReadonlySet<object>): string {
    const ids = new Map<object, number>([...this.entries.keys()].map((cls, index) => [cls, index]));
    return JSON.stringify(schema, (_key, value: unknown) => {
      const ref = typeof value === 'object' && value !== null ? this.refs.get(value as JsonSchema) : undefined;
      if (!ref) return value;
      return { ...(value as JsonSchema), $ref: `${ids.get(ref.cls)}${split.has(ref.cls) ? `-${ref.mode}` : ''}` };
    });
  }
}
