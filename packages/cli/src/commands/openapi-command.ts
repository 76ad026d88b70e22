import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { documentFormat, serializeDocument, type DocumentFormat } from '../openapi/serialize-document';
import { loadBuiltApp } from '../project/built-app';

export interface OpenApiOptions {
  readonly out?: string;
  readonly format?: DocumentFormat;
}

/** `deft openapi`: the app's OpenAPI document (what `/openapi.json` serves), to stdout or `--out`. */
export async function openapiCommand(options: OpenApiOptions, cwd: string): Promise<void> {
  const app = await loadBuiltApp(cwd);
  const text = serializeDocument(app.openapi(), documentFormat(options.format, options.out));
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  const file = resolve(cwd, options.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.error(`Wrote ${options.out}`);
}
