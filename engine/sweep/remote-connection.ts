import { Redis } from 'ioredis';
import { redactMessage, type RedisTarget } from './redis-url.ts';

/**
 * A Redis connection as BullMQ wants it (commands wait while reconnecting: maxRetriesPerRequest null).
 * Errors go to `onError` (already redacted) instead of crashing the process as unhandled events.
 */
export function connectRedis(target: RedisTarget, onError: (message: string) => void): Redis {
  const redis = new Redis(target.url, {
    maxRetriesPerRequest: null,
    // Reconnect every 0.2–2 s for as long as the process wants the connection.
    retryStrategy: (times) => Math.min(2000, 200 * times),
    connectionName: 'samenhang',
  });
  redis.on('error', (error: Error) => onError(redactMessage(error.message, target)));
  return redis;
}
