import type { ResponseModel } from '../metadata/records';
import { modelShape, type ModelShape } from '../response/model-shape';
import { shapeSchema as fieldShapeSchema } from './dto-schema';
import { pythonTitle } from './names';
import type { JsonSchema } from './openapi-types';
import { REF_PREFIX, type SchemaRegistry } from './schema-registry';

function shapeSchema(shape: ModelShape, registry: SchemaRegistry): JsonSchema {
  switch (shape.kind) {
    case 'scalar':
    case 'dto':
      // A response model is what the app writes: its output schema.
      return fieldShapeSchema(shape, registry, 'output');
    case 'list':
      return { items: shapeSchema(shape.element, registry), type: 'array' };
    case 'dict':
      return { additionalProperties: shapeSchema(shape.value, registry), type: 'object' };
    case 'union': {
      const members = shape.members.map((member) => shapeSchema(member, registry));
      if (!shape.discriminator) return { anyOf: members };
      // A schema's final name is known only once the document is complete (`-Input`/`-Output` splits): each
      // mapping entry reads its reference's name when the document is written or compared, not now.
      const mapping: Record<string, string> = {};
      for (const [tag, member] of shape.discriminator.mapping) {
        const ref = registry.refFor(member.dto, 'output');
        Object.defineProperty(mapping, tag, { enumerable: true, get: () => (ref.$ref as string) || REF_PREFIX });
      }
      return { oneOf: members, discriminator: { propertyName: shape.discriminator.propertyName, mapping } };
    }
  }
}

/**
 * A response model's schema as FastAPI writes it: a DTO class as a `$ref` to
 * its component; anything else (a list, a dict, a union, a scalar) inline,
 * titled after the generated field name (`Response Read Items Items Get`).
 */
export function modelSchema(model: ResponseModel, fieldName: string, registry: SchemaRegistry): JsonSchema {
  const shape = modelShape(model, fieldName);
  const schema = shapeSchema(shape, registry);
  return shape.kind === 'dto' ? schema : { ...schema, title: pythonTitle(fieldName.replace(/_/g, ' ')) };
}
