import type { FastifyServerOptions } from 'fastify';
import { DeftError } from '../errors/deft-error';
import { DEFAULT_LIMITS, type RequestLimits, type ResolvedLimits } from '../http/request-limits';
import { DEFAULT_TIMEOUTS, type ResolvedTimeouts, type ServerTimeouts } from '../server/server-timeouts';

/** The limits and timeouts an app runs with: its options, over the defaults. */
export interface AppSettings {
  readonly limits: ResolvedLimits;
  readonly timeouts: ResolvedTimeouts;
}

/** Deft options that Fastify (or Node's server) also takes: where the same setting would otherwise be given twice. */
const FASTIFY_TWINS = {
  'limits.bodySize': (f: FastifyServerOptions) => f.bodyLimit,
  'limits.headerSize': (f: FastifyServerOptions) => (f as { http?: { maxHeaderSize?: number } }).http?.maxHeaderSize,
  'timeouts.request': (f: FastifyServerOptions) => f.requestTimeout,
  'timeouts.headers': (f: FastifyServerOptions) => (f as { http?: { headersTimeout?: number } }).http?.headersTimeout,
  'timeouts.keepAlive': (f: FastifyServerOptions) => f.keepAliveTimeout,
  'timeouts.idle': (f: FastifyServerOptions) => f.connectionTimeout,
} as const;

const TWIN_NAMES: Record<keyof typeof FASTIFY_TWINS, string> = {
  'limits.bodySize': 'fastify.bodyLimit',
  'limits.headerSize': 'fastify.http.maxHeaderSize',
  'timeouts.request': 'fastify.requestTimeout',
  'timeouts.headers': 'fastify.http.headersTimeout',
  'timeouts.keepAlive': 'fastify.keepAliveTimeout',
  'timeouts.idle': 'fastify.connectionTimeout',
};

function invalid(detail: string): DeftError {
  return new DeftError('DEFT_ERR_OPTIONS_INVALID', detail);
}

/** One setting: Deft's option, else Fastify's twin, else the default; both given and different is a mistake. */
function pick(name: string, own: number | undefined, fastify: FastifyServerOptions, fallback: number): number {
  const twin = FASTIFY_TWINS[name as keyof typeof FASTIFY_TWINS]?.(fastify);
  if (own !== undefined && twin !== undefined && own !== twin) {
    const twinName = TWIN_NAMES[name as keyof typeof FASTIFY_TWINS];
    throw invalid(`createApp() got ${name}: ${own} and ${twinName}: ${twin}, which set the same thing; keep ${name} and drop ${twinName}.`);
  }
  return own ?? twin ?? fallback;
}

function resolveGroup<T extends object>(
  group: string,
  given: Partial<Record<keyof T, number>> | undefined,
  defaults: Readonly<Record<keyof T, number>>,
  fastify: FastifyServerOptions,
  check: (name: string, value: number) => void,
): Record<keyof T, number> {
  const resolved = {} as Record<keyof T, number>;
  for (const key of Object.keys(given ?? {})) {
    if (!(key in defaults)) throw invalid(`createApp() got ${group}.${key}, which is not one of the ${group} options: ${Object.keys(defaults).join(', ')}.`);
  }
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const value = pick(`${group}.${key}`, given?.[key], fastify, defaults[key]);
    check(`${group}.${key}`, value);
    resolved[key] = value;
  }
  return resolved;
}

/**
 * Reads `createApp`'s `limits` and `timeouts` over their defaults (taking
 * Fastify's own options for the same things when only those are given), and
 * refuses, at start-up, a value that is not a whole number in range, or a
 * headers timeout longer than the request timeout (Node refuses it too).
 */
export function resolveSettings(options: { limits?: RequestLimits; timeouts?: ServerTimeouts; fastify?: FastifyServerOptions }): AppSettings {
  const fastify = options.fastify ?? {};
  const limits = resolveGroup<RequestLimits>('limits', options.limits, DEFAULT_LIMITS, fastify, (name, value) => {
    if (!Number.isSafeInteger(value) || value < 1) throw invalid(`createApp() got ${name}: ${String(value)}; a limit is a whole number of at least 1.`);
  });
  const timeouts = resolveGroup<ServerTimeouts>('timeouts', options.timeouts, DEFAULT_TIMEOUTS, fastify, (name, value) => {
    const endless = name === 'timeouts.shutdown' && value === Infinity;
    if (!endless && (!Number.isSafeInteger(value) || value < 0)) {
      throw invalid(`createApp() got ${name}: ${String(value)}; a timeout is a whole number of milliseconds, 0 to turn it off${name === 'timeouts.shutdown' ? ' (Infinity to wait however long)' : ''}.`);
    }
  });
  if (timeouts.request > 0 && timeouts.headers > timeouts.request) {
    throw invalid(`createApp() got timeouts.headers: ${timeouts.headers}, longer than timeouts.request: ${timeouts.request}; the headers are part of the request.`);
  }
  return { limits: Object.freeze(limits) as ResolvedLimits, timeouts: Object.freeze(timeouts) as ResolvedTimeouts };
}
