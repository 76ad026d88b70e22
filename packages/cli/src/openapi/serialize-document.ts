import { extname } from 'node:path';
import { stringify } from 'yaml';

export type DocumentFormat = 'json' | 'yaml';

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['json', 'yaml'];

/** `--format` when given, else the `--out` file's extension (`.yaml`, `.yml`), else JSON. */
export function documentFormat(format: DocumentFormat | undefined, out: string | undefined): DocumentFormat {
  if (format !== undefined) return format;
  return out !== undefined && ['.yaml', '.yml'].includes(extname(out).toLowerCase()) ? 'yaml' : 'json';
}

/** The document as `/openapi.json` has it, or the same in YAML (no anchors: every reader takes it). */
export function serializeDocument(document: unknown, format: DocumentFormat): string {
  return format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { aliasDuplicateObjects: false });
}
