import { Int } from '../params/int';
import { UploadFile } from '../params/upload-file';
import { UUID } from '../params/uuid';
import { DateOnly, DateTime, Duration, Time } from '../params/temporal';
import { isDecimalClass } from '../params/decimal-type';

const NOT_DTOS = new Set<unknown>([String, Number, Boolean, Date, Array, Object, Function, Promise, Map, Set, Buffer, Int, UploadFile, UUID, BigInt, DateTime, DateOnly, Time, Duration]);

/** A class of the application (a DTO, a service, a dependency): any class but the built-in value types. */
export function isUserClass(value: unknown): value is new () => object {
  return typeof value === 'function' && !NOT_DTOS.has(value) && value.prototype !== undefined && !isDecimalClass(value);
}
