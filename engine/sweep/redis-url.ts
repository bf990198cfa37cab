import { ValidationError } from '../errors.ts';

/**
 * The Redis URL of a scale-out, checked. It may carry a password (redis://:secret@host:6379), so
 * everything shown to users or written to logs uses `shown`, never the URL itself.
 */
export interface RedisTarget {
  url: string;
  /** The URL without user name and password, for messages and logs. */
  shown: string;
}

/** Checks a --redis / SAMENHANG_REDIS_URL value; `where` names the flag or variable in the error. */
export function parseRedisUrl(url: string, where: string): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text itself may hold a password: do not repeat it.
    throw new ValidationError([{ where, message: 'must be a URL such as redis://HOST:6379' }]);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new ValidationError([
      { where, message: `must start with redis:// or rediss://, got '${parsed.protocol}//'` },
    ]);
  if (parsed.hostname === '') throw new ValidationError([{ where, message: 'names no host' }]);
  return { url, shown: redactRedisUrl(url) };
}

/** The URL without credentials: `redis://:secret@db:6379/0` → `redis://db:6379/0`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(invalid Redis URL)';
  }
}

/**
 * Removes the URL and its password from a message, whatever library wrote it: a connection error
 * may quote the address it was given.
 */
export function redactMessage(message: string, target: RedisTarget): string {
  let text = message.split(target.url).join(target.shown);
  try {
    const password = decodeURIComponent(new URL(target.url).password);
    if (password !== '') text = text.split(password).join('***');
  } catch {
    // parseRedisUrl accepted it; nothing else to hide
  }
  return text;
}
