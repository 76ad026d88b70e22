import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A file of an npm package the docs pages load, served by the app itself (never from a CDN). */
export interface DocsAsset {
  /** The last segment of its URL. */
  readonly name: string;
  readonly contentType: string;
  /** Resolves the file's path (lazily, so a missing package fails when the page is used, with a clear message). */
  readonly path: () => string;
}

function packageFile(pkg: string, ...segments: string[]): () => string {
  return () => join(dirname(require.resolve(`${pkg}/package.json`)), ...segments);
}

const SWAGGER_UI_STATIC = (file: string) => packageFile('@fastify/swagger-ui', 'static', file);

/** Swagger UI as `@fastify/swagger-ui` ships it (its copy of swagger-ui-dist). */
export const SWAGGER_UI_ASSETS: readonly DocsAsset[] = [
  { name: 'swagger-ui-bundle.js', contentType: 'application/javascript; charset=utf-8', path: SWAGGER_UI_STATIC('swagger-ui-bundle.js') },
  { name: 'swagger-ui.css', contentType: 'text/css; charset=utf-8', path: SWAGGER_UI_STATIC('swagger-ui.css') },
  { name: 'favicon-32x32.png', contentType: 'image/png', path: SWAGGER_UI_STATIC('favicon-32x32.png') },
];

/** ReDoc's standalone bundle, and the same favicon. */
export const REDOC_ASSETS: readonly DocsAsset[] = [
  { name: 'redoc.standalone.js', contentType: 'application/javascript; charset=utf-8', path: packageFile('redoc', 'bundles', 'redoc.standalone.js') },
  { name: 'favicon-32x32.png', contentType: 'image/png', path: SWAGGER_UI_STATIC('favicon-32x32.png') },
];

const contents = new Map<string, Promise<Buffer>>();

/** The asset's bytes, read once per process. */
export function assetContent(asset: DocsAsset): Promise<Buffer> {
  const path = asset.path();
  let content = contents.get(path);
  if (!content) {
    content = readFile(path);
    contents.set(path, content);
    content.catch(() => contents.delete(path));
  }
  return content;
}
