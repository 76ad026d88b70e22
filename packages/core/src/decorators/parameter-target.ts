import { addParam, CONSTRUCTOR } from '../metadata/metadata-store';
import type { ParamRecord } from '../metadata/records';

/**
 * Records a parameter decorator's declaration. A method parameter's target is
 * the prototype; a constructor parameter's target is the class itself.
 */
export function recordParam(
  target: object,
  propertyKey: string | symbol | undefined,
  index: number,
  record: ParamRecord,
): void {
  if (propertyKey === undefined) addParam(target, CONSTRUCTOR, index, record);
  else addParam((target as { constructor: object }).constructor, propertyKey, index, record);
}
