import { Readable } from 'node:stream';

const contents = new WeakMap<UploadFile, Buffer>();

/** A file received in a `multipart/form-data` body, given to `@File()` parameters. */
export class UploadFile {
  readonly filename: string;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;

  constructor(init: {
    filename: string;
    contentType: string;
    content: Buffer;
    headers?: Record<string, string | string[] | undefined>;
  }) {
    this.filename = init.filename;
    this.contentType = init.contentType;
    contents.set(this, init.content);
    this.headers = init.headers ?? {};
  }

  /** Size in bytes. */
  get size(): number {
    return uploadContent(this).length;
  }

  async read(): Promise<Buffer> {
    return uploadContent(this);
  }

  async text(encoding: BufferEncoding = 'utf8'): Promise<string> {
    return uploadContent(this).toString(encoding);
  }

  stream(): Readable {
    return Readable.from([uploadContent(this)]);
  }
}

/** The file's bytes, synchronously (for `Buffer`-typed `@File()` parameters). */
export function uploadContent(file: UploadFile): Buffer {
  return contents.get(file) ?? Buffer.alloc(0);
}
