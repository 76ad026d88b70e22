import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/**
 * The Content-Security-Policy a docs page needs, for apps that send one
 * (`createApp({ helmet })`): its own inline scripts by hash (nothing else
 * inline runs), the styles Swagger UI and ReDoc set inline, images as data
 * URLs, ReDoc's blob worker, and everything else from the app itself.
 * Handed to @fastify/helmet as the page route's `helmet` option.
 */
export function docsPageSecurity(html: string): { contentSecurityPolicy: { directives: Record<string, string[]> } } {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => `'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`);
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...hashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
      },
    },
  };
}
