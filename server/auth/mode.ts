import { isIP } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare) || /^(0:){7}1$/.test(bare);
  return false;
}

/** Loopback stays single-user and open; any other bind address needs accounts (docs/security.md). */
export function authModeFor(host: string): 'open' | 'accounts' {
  return isLoopback(host) ? 'open' : 'accounts';
}
