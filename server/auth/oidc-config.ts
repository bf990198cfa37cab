import { readFileSync } from 'node:fs';
import { isLoopback } from './mode.ts';
import type { OidcOptions } from './oidc.ts';

/**
 * OpenID Connect settings of `samenhang-server`, from command-line options or the environment
 * (an option wins). The client secret is never a command-line argument (it would show in `ps` and
 * shell history): it comes from $SAMENHANG_OIDC_CLIENT_SECRET or from the file named by
 * --oidc-client-secret-file / $SAMENHANG_OIDC_CLIENT_SECRET_FILE (its first line).
 */
export interface OidcCliValues {
  'oidc-issuer'?: string;
  'oidc-client-id'?: string;
  'oidc-client-secret-file'?: string;
  'oidc-redirect-uri'?: string;
  'oidc-username-claim'?: string;
  'oidc-label'?: string;
}

/** The command-line options (parseArgs spec) that configure OpenID Connect. */
export const OIDC_OPTION_SPEC = {
  'oidc-issuer': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-client-secret-file': { type: 'string' },
  'oidc-redirect-uri': { type: 'string' },
  'oidc-username-claim': { type: 'string' },
  'oidc-label': { type: 'string' },
} as const;

/** Each setting's option and environment variable. */
const SETTINGS = {
  issuer: ['oidc-issuer', 'SAMENHANG_OIDC_ISSUER'],
  clientId: ['oidc-client-id', 'SAMENHANG_OIDC_CLIENT_ID'],
  secretFile: ['oidc-client-secret-file', 'SAMENHANG_OIDC_CLIENT_SECRET_FILE'],
  redirectUri: ['oidc-redirect-uri', 'SAMENHANG_OIDC_REDIRECT_URI'],
  usernameClaim: ['oidc-username-claim', 'SAMENHANG_OIDC_USERNAME_CLAIM'],
  label: ['oidc-label', 'SAMENHANG_OIDC_LABEL'],
} as const satisfies Record<string, readonly [keyof OidcCliValues, string]>;
const SECRET_ENV = 'SAMENHANG_OIDC_CLIENT_SECRET';
/** Every environment variable that configures OpenID Connect. */
export const OIDC_ENV_VARIABLES: readonly string[] = [...Object.values(SETTINGS).map(([, v]) => v), SECRET_ENV];

/** A setting that cannot be used; the message names the option and the variable. */
export class OidcConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcConfigError';
  }
}

type Env = Record<string, string | undefined>;

function setting(values: OidcCliValues, env: Env, name: keyof typeof SETTINGS): string | undefined {
  const [option, variable] = SETTINGS[name];
  const value = values[option] ?? env[variable];
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new OidcConfigError(`--${option} ($${variable}) must not be empty`);
  return value.trim();
}

function httpUrl(text: string, option: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OidcConfigError(`--${option} ($${variable}) must be a URL, got '${text}'`);
  }
  // Plain http only to this machine (a provider or proxy on loopback); anything else must be TLS.
  const local = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new OidcConfigError(`--${option} ($${variable}) must be an https:// URL (http only on this machine)`);
  return url;
}

function clientSecret(values: OidcCliValues, env: Env, readFile: (path: string) => string): string {
  const file = setting(values, env, 'secretFile');
  const fromEnv = env[SECRET_ENV];
  if (file !== undefined && fromEnv !== undefined)
    throw new OidcConfigError(`give the client secret once: $${SECRET_ENV} or --oidc-client-secret-file, not both`);
  if (file !== undefined) {
    let text: string;
    try {
      text = readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new OidcConfigError(`cannot read the client secret file ${file} (${code})`);
    }
    const secret = text.split(/\r?\n/)[0].trim();
    if (secret === '') throw new OidcConfigError(`the client secret file ${file} is empty`);
    return secret;
  }
  if (fromEnv === undefined || fromEnv.trim() === '')
    throw new OidcConfigError(
      `the client secret is missing: set $${SECRET_ENV} or name a file with --oidc-client-secret-file`,
    );
  return fromEnv.trim();
}

/**
 * The OpenID Connect options for buildApp, or undefined when no issuer is configured. Throws
 * OidcConfigError for a missing or unusable setting; its message never contains the secret.
 */
export function oidcOptionsFrom(
  values: OidcCliValues,
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): OidcOptions | undefined {
  const issuer = setting(values, env, 'issuer');
  if (issuer === undefined) {
    const stray = (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).find(
      (name) => setting(values, env, name) !== undefined,
    );
    if (stray !== undefined || env[SECRET_ENV] !== undefined) {
      const [option, variable] = SETTINGS[stray ?? 'secretFile'];
      const what = stray === undefined ? `$${SECRET_ENV}` : `--${option} ($${variable})`;
      throw new OidcConfigError(`${what} is set, but no issuer: add --oidc-issuer ($SAMENHANG_OIDC_ISSUER)`);
    }
    return undefined;
  }
  const issuerUrl = httpUrl(issuer, ...SETTINGS.issuer);
  const clientId = setting(values, env, 'clientId');
  if (clientId === undefined)
    throw new OidcConfigError(
      '--oidc-client-id ($SAMENHANG_OIDC_CLIENT_ID) is missing: the id registered at the provider',
    );
  const redirectUri = setting(values, env, 'redirectUri');
  if (redirectUri === undefined)
    throw new OidcConfigError(
      '--oidc-redirect-uri ($SAMENHANG_OIDC_REDIRECT_URI) is missing: https://<this server>/api/auth/oidc/callback as registered at the provider',
    );
  const redirect = httpUrl(redirectUri, ...SETTINGS.redirectUri);
  if (!redirect.pathname.endsWith('/api/auth/oidc/callback'))
    throw new OidcConfigError(`--oidc-redirect-uri must end in /api/auth/oidc/callback, got '${redirectUri}'`);
  const usernameClaim = setting(values, env, 'usernameClaim');
  const label = setting(values, env, 'label');
  return {
    issuer,
    clientId,
    clientSecret: clientSecret(values, env, readFile),
    redirectUri: redirect.href,
    ...(usernameClaim ? { usernameClaim } : {}),
    ...(label ? { label } : {}),
    ...(issuerUrl.protocol === 'http:' ? { allowHttp: true } : {}),
  };
}
