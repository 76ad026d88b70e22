import type { CompiledRoute } from '../app/compiled-route';
import type { DocumentInfo } from './build-document';
import { DEFAULT_TITLE, DEFAULT_VERSION, type OpenApiAppOptions } from './docs-options';

/**
 * The document's description from the app's options (and its webhooks,
 * compiled at start-up). As FastAPI's `root_path`, the app's own path comes
 * first in `servers`, unless it is there already.
 */
export function documentInfo(
  options: OpenApiAppOptions & { title?: string; version?: string; description?: string },
  webhooks: readonly CompiledRoute[],
  rootPath = '',
): DocumentInfo {
  const { title = DEFAULT_TITLE, version = DEFAULT_VERSION, openapiTags: tags, ...rest } = options;
  const servers = rest.servers ?? [];
  const withRoot = rootPath && !servers.some((server) => server.url === rootPath) ? [{ url: rootPath }, ...servers] : rest.servers;
  return {
    title,
    version,
    summary: rest.summary,
    description: rest.description,
    termsOfService: rest.termsOfService,
    contact: rest.contact,
    license: rest.license,
    servers: withRoot,
    tags,
    webhooks,
    generateUniqueId: rest.generateUniqueId,
    separateInputOutputSchemas: rest.separateInputOutputSchemas,
  };
}
