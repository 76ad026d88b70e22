import type { FastifyInstance } from 'fastify';
import { DeftError } from '../errors/deft-error';
import { ClientRequestError } from '../errors/client-request-error';

/**
 * `createApp({ loadShedding })`: past any of these thresholds, new requests
 * are answered 503 with `Retry-After` before any work is done for them.
 * `0` turns a threshold off.
 */
export interface LoadSheddingOptions {
  /** The event loop's mean lag over the last sample, in milliseconds. Default 1000. */
  maxEventLoopDelay?: number;
  /** The event loop's utilization (0 to 1). Default off. */
  maxEventLoopUtilization?: number;
  /** `process.memoryUsage().heapUsed`, in bytes. Default off. */
  maxHeapUsedBytes?: number;
  /** `process.memoryUsage().rss`, in bytes. Default off. */
  maxRssBytes?: number;
  /** The `Retry-After` of the 503, in seconds. Default 10. */
  retryAfter?: number;
  /** How often the figures are sampled, in milliseconds. Default 1000. */
  sampleInterval?: number;
}

const DEFAULT_LOAD_SHEDDING: Readonly<Required<LoadSheddingOptions>> = Object.freeze({
  maxEventLoopDelay: 1000,
  maxEventLoopUtilization: 0,
  maxHeapUsedBytes: 0,
  maxRssBytes: 0,
  retryAfter: 10,
  sampleInterval: 1000,
});

/** The options over their defaults, each checked: a mistake is a start-up error. */
function resolveThresholds(options: true | LoadSheddingOptions): Required<LoadSheddingOptions> {
  const resolved = { ...DEFAULT_LOAD_SHEDDING, ...(options === true ? {} : options) };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(name in DEFAULT_LOAD_SHEDDING)) {
      throw new DeftError('DEFT_ERR_OPTIONS_INVALID', `createApp() got loadShedding.${name}, which is not one of its options: ${Object.keys(DEFAULT_LOAD_SHEDDING).join(', ')}.`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new DeftError('DEFT_ERR_OPTIONS_INVALID', `createApp() got loadShedding.${name}: ${String(value)}; it is a number of at least 0 (0 turns a threshold off).`);
    }
  }
  if (resolved.maxEventLoopUtilization > 1) {
    throw new DeftError('DEFT_ERR_OPTIONS_INVALID', `createApp() got loadShedding.maxEventLoopUtilization: ${resolved.maxEventLoopUtilization}; a utilization is between 0 and 1.`);
  }
  return resolved;
}

/**
 * Sheds load through @fastify/under-pressure: it samples the event loop's
 * lag (and memory, when asked) every `sampleInterval`, and while a threshold
 * is passed its `onRequest` hook refuses new requests with Deft's JSON 503
 * (`DEFT_REQ_OVERLOADED`). Loaded only by apps that set the option; checked
 * at start-up.
 */
export function shedLoad(fastify: FastifyInstance, options: true | LoadSheddingOptions): void {
  const settings = resolveThresholds(options);
  const retryAfter = String(Math.ceil(settings.retryAfter));
  class Overloaded extends ClientRequestError {
    constructor() {
      super('DEFT_REQ_OVERLOADED', 'Service Unavailable: the server is overloaded', { 'retry-after': retryAfter });
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that use it
  const underPressure = require('@fastify/under-pressure') as typeof import('@fastify/under-pressure');
  void fastify.register(underPressure.default, { ...settings, customError: Overloaded });
}
