import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { DeftError } from '../errors/deft-error';

/** Deft's logger when the app names none: warnings and errors (a 500's error among them), nothing per request. */
const DEFAULT_LOGGER = { level: 'warn' } as const;

/** Levels at which Fastify's own lines of every request (`incoming request`, `request completed`, at `info`) are never written. */
const ABOVE_INFO = new Set(['warn', 'error', 'fatal', 'silent']);

/** What a log line shows of a request, a reply and an error: the fields Fastify's logger shows. */
const SERIALIZERS = {
  req: (request: { method: string; url: string; headers?: Record<string, unknown>; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
    method: request.method,
    url: request.url,
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  err: pino.stdSerializers.err,
};

type LoggerSettings = LoggerOptions & { stream?: DestinationStream; file?: string };

export interface AppLogging {
  /** Fastify's options for logging, to go after every other option. */
  readonly fastify: Pick<FastifyServerOptions, 'logger' | 'childLoggerFactory'>;
  /** The logger Deft made, to become `fastify.log`; `undefined` when Fastify makes its own. */
  readonly logger: Logger | undefined;
}

/** The pino logger of `settings`, writing where they say, with Fastify's serializers (the app's own on top). */
function makeLogger(settings: LoggerSettings): Logger {
  const { stream, file, serializers, ...rest } = settings;
  if (stream && file) {
    throw new DeftError('DEFT_ERR_OPTIONS_INVALID', 'fastify.logger has both a stream and a file: give one of them.');
  }
  const destination = file === undefined ? stream : pino.destination(file);
  return pino({ ...rest, serializers: { ...SERIALIZERS, ...serializers } }, destination);
}

/**
 * How the app logs. Fastify, given a logger, adds two listeners to every
 * response and reads the clock twice for its `request completed` line,
 * which at a level above `info` is never written: about 5 % of a small
 * answer. So where the app's logger is pino's options (Deft's default,
 * `{ level: 'warn' }`, or the app's own) at `warn` or above, Deft makes the
 * pino logger itself and gives Fastify none, only a child-logger factory:
 * `request.log` is still a pino child of it with the request id bound, and
 * `fastify.log` is the logger. A level of `info` or below, `logger: true`
 * or `false`, a `loggerInstance`, a `childLoggerFactory` or a
 * `logController` of the app's own are left to Fastify as given.
 */
export function appLogging(options: FastifyServerOptions): AppLogging {
  // A logger instance of the app's own is Fastify's to wrap: Deft's default would only clash with it.
  if (options.loggerInstance !== undefined) return { fastify: {}, logger: undefined };
  const given = options.logger ?? DEFAULT_LOGGER;
  const ownLogging = options.childLoggerFactory !== undefined || (options as { logController?: unknown }).logController !== undefined;
  if (ownLogging || typeof given !== 'object' || given === null || !ABOVE_INFO.has(String((given as LoggerSettings).level ?? 'info'))) {
    return { fastify: { logger: given }, logger: undefined };
  }
  const logger = makeLogger(given as LoggerSettings);
  return {
    fastify: {
      logger: false,
      childLoggerFactory: (_noLogger, bindings, childOptions) => logger.child(bindings, childOptions) as FastifyBaseLogger,
    },
    logger,
  };
}
