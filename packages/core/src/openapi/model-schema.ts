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
      return fieldShapeSchema(shape, registry);
    case 'list':
      return { items: shapeSchema(shape.element, registry), type: 'array' };
    case 'dict':
      return { additionalProperties: shapeSchema(shape.value, registry), type: 'object' };
    case 'union': {
      const members = shape.members.map((member) => shapeSchema(member, registry));
      if (!shape.discriminator) return { anyOf: members };
      const mapping = Object.fromEntries([...shape.discriminator.mapping].map(([tag, member]) => [tag, (registry.refFor(member.dto).$ref as string) ?? REF_PREFIX]));
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
