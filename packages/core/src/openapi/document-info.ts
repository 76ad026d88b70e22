import type { CompiledRoute } from '../app/compiled-route';
import type { DocumentInfo } from './build-document';
import { DEFAULT_TITLE, DEFAULT_VERSION, type OpenApiAppOptions } from './docs-options';

/** The document's description from the app's options (and its webhooks, compiled at start-up). */
export function documentInfo(
  options: OpenApiAppOptions & { title?: string; version?: string; description?: string },
  webhooks: readonly CompiledRoute[],
): DocumentInfo {
  const { title = DEFAULT_TITLE, version = DEFAULT_VERSION, openapiTags: tags, ...rest } = options;
  return {
    title,
    version,
    summary: rest.summary,
    description: rest.description,
    termsOfService: rest.termsOfService,
    contact: rest.contact,
    license: rest.license,
    servers: rest.servers,
    tags,
    webhooks,
    generateUniqueId: rest.generateUniqueId,
    separateInputOutputSchemas: rest.separateInputOutputSchemas,
  };
}
