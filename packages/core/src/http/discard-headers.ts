import type { FastifyReply } from 'fastify';

/**
 * Drops every header prepared for a response that could not be written (a
 * header Node refuses, say), so that the error response rendered instead
 * does not fail the same way. Only before anything was sent.
 */
export function discardPreparedHeaders(reply: FastifyReply): void {
  if (reply.raw.headersSent) return;
  for (const name of Object.keys(reply.getHeaders())) reply.removeHeader(name);
  for (const name of reply.raw.getHeaderNames()) reply.raw.removeHeader(name);
}
