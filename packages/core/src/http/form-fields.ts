import { UploadFile } from '../params/upload-file';

/** A parsed form body: each field's values in order (strings, or files from multipart). */
export type FormFields = ReadonlyMap<string, readonly (string | UploadFile)[]>;

interface MultipartPart {
  type: 'file' | 'field';
  value?: unknown;
  filename?: string;
  mimetype?: string;
  fields?: unknown;
}

function isPart(value: unknown): value is MultipartPart {
  return typeof value === 'object' && value !== null && ((value as MultipartPart).type === 'file' || (value as MultipartPart).type === 'field');
}

function toFormValue(value: unknown): string | UploadFile {
  if (isPart(value)) {
    if (value.type === 'file') {
      const content = Buffer.isBuffer(value.value) ? value.value : Buffer.alloc(0);
      return new UploadFile({ filename: value.filename ?? '', contentType: value.mimetype ?? 'application/octet-stream', content });
    }
    return String(value.value ?? '');
  }
  return String(value);
}

/**
 * Normalizes what @fastify/formbody (an object of strings and string arrays)
 * and @fastify/multipart (an object of parts) leave in `request.body`.
 * Anything else (a JSON body sent to a form route) has no fields.
 */
export function toFormFields(body: unknown): FormFields {
  const fields = new Map<string, (string | UploadFile)[]>();
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body)) return fields;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const values = Array.isArray(raw) ? raw : [raw];
    fields.set(name, values.filter((v) => v !== undefined).map(toFormValue));
  }
  return fields;
}

const FORM_TYPES = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export function isFormContentType(type: string | undefined): boolean {
  return type !== undefined && FORM_TYPES.test(type);
}
