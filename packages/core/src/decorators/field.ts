import { setFieldOptions } from '../metadata/metadata-store';
import type { FieldOptions } from '../metadata/records';

/**
 * Documents a DTO property: `@Field({ description: 'The name', examples: ['hammer'] }) @IsString() name!: string`.
 * It only adds to the OpenAPI schema; class-validator's decorators still
 * declare the field, its type and its constraints (which document themselves).
 */
export function Field(options: FieldOptions): PropertyDecorator {
  return (target, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new TypeError('@Field() needs a property with a string name');
    setFieldOptions(target.constructor, propertyKey, options);
  };
}
