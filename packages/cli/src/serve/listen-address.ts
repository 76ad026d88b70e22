import { CliError } from '../errors/cli-error';

/** Where a server listens, and which setting chose the port (for the busy-port message). */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_PORT = 8000;

/** A TCP port from `--port` or `PORT`: a whole number from 0 to 65535 (0 picks a free one). */
export function parsePort(text: string, where: string): number {
  const port = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new CliError(`${where} ${JSON.stringify(text)} is not a port: give a whole number from 0 to 65535, such as 8000.`);
  return port;
}

/** `--port`, then `PORT`, then 8000; `--host`, then `HOST`, then the command's default. */
export function listenAddress(options: { port?: number; host?: string }, env: NodeJS.ProcessEnv, defaultHost: string): ListenAddress {
  const port = options.port ?? (env.PORT ? parsePort(env.PORT, 'PORT=') : DEFAULT_PORT);
  return { host: options.host ?? (env.HOST || defaultHost), port };
}

/** The one line for a port another process holds: which port, and how to choose another. */
export function portInUseMessage(address: ListenAddress): string {
  const next = address.port === 65535 ? 8001 : address.port + 1;
  return `Port ${address.port} is already in use on ${address.host}: stop the server that holds it, or choose another port with --port ${next} or PORT=${next}.`;
}

export function isPortInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}
