import type { FastifyRequest } from 'fastify';

/**
 * Who is recorded as the author of a change: the signed-in account on a shared server
 * (docs/security.md), else the free-text `author` the client sends.
 */
export function authorOf(request: FastifyRequest, claimed: string | undefined): string {
  return request.identity?.username ?? (claimed ?? '').trim();
}
