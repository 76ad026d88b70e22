/**
 * How much of a request Deft reads before it refuses it (`createApp({ limits })`).
 * Past any of them the answer is a 413 (431 for headers) whose `detail` names
 * the limit and its value; nothing is ever cut short and passed on.
 */
export interface RequestLimits {
  /** Largest body, in bytes, of any content type but multipart (Fastify's `bodyLimit`). Default 1 MiB. */
  bodySize?: number;
  /** Deepest nesting of arrays and objects in a JSON body. Default 512. */
  jsonDepth?: number;
  /** Largest request line plus headers, in bytes (Node's `maxHeaderSize`). Default 16 KiB. */
  headerSize?: number;
  /** Most header lines a request may have. Default 100. */
  headerCount?: number;
  /** Largest text field of a multipart body, in bytes. Default 1 MiB. */
  fieldSize?: number;
  /** Largest file of a multipart body, in bytes. Default 50 MiB. */
  fileSize?: number;
  /** Most files in a multipart body. Default 1000. */
  files?: number;
  /** Most text fields in a multipart body. Default 1000. */
  fields?: number;
  /** Most parts (files and fields) in a multipart body. Default 2000. */
  parts?: number;
}

export type ResolvedLimits = Readonly<Required<RequestLimits>>;

export const DEFAULT_LIMITS: ResolvedLimits = Object.freeze({
  bodySize: 1024 * 1024,
  jsonDepth: 512,
  headerSize: 16 * 1024,
  headerCount: 100,
  fieldSize: 1024 * 1024,
  fileSize: 50 * 1024 * 1024,
  files: 1000,
  fields: 1000,
  parts: 2000,
});
