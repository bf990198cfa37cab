import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** Length of the ids of saved scenarios and sweep jobs (12 base32 characters, 60 random bits). */
export const ID_LENGTH = 12;
const ID_PATTERN = /^[a-z2-7]{12}$/;

/** A new opaque id: 12 lowercase base32 characters (RFC 4648 alphabet). */
export function newId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** Route parameter schema: a well-formed id (malformed ids are 400, unknown well-formed ids 404). */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: `must be an id of ${ID_LENGTH} characters a–z and 2–7` })
  .meta({ description: 'Opaque id: 12 characters a–z, 2–7', example: 'k3q7xw2mabcd' });
export const IdParamsSchema = z.strictObject({ id: IdSchema });
