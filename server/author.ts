import type { FastifyRequest } from 'fastify';

/**
 * Who is recorded as the author of a change. For now the free-text `author` the client sends;
 * when sign-in arrives this is the one place that puts the signed-in account here instead.
 */
export function authorOf(_request: FastifyRequest, claimed: string | undefined): string {
  return (claimed ?? '').trim();
}
