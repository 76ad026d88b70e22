import { randomBytes } from 'node:crypto';

/** A file to upload: its bytes (or text), with an optional name and type. */
export interface FileInput {
  filename?: string;
  content: Buffer | string;
  contentType?: string;
}

export type FileField = FileInput | Buffer | string;

function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
}

/** Encodes form fields and files as a `multipart/form-data` body. */
export function multipartBody(
  fields: Readonly<Record<string, string | readonly string[]>>,
  files: Readonly<Record<string, FileField | readonly FileField[]>>,
): { body: Buffer; contentType: string } {
  const boundary = `----deft-test-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  const push = (headers: string, content: Buffer | string): void => {
    parts.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from('\r\n'));
  };
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) push(`Content-Disposition: form-data; name="${quote(name)}"`, item);
  }
  for (const [name, value] of Object.entries(files)) {
    const list: readonly FileField[] = Array.isArray(value) ? value : [value as FileField];
    for (const item of list) {
      const file: FileInput = Buffer.isBuffer(item) || typeof item === 'string' ? { content: item } : item;
      push(
        `Content-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.filename ?? 'upload')}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}`,
        file.content,
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
