import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../app.ts';
import { OIDC_ENV_VARIABLES, OIDC_OPTION_SPEC, OidcConfigError, oidcOptionsFrom } from './oidc-config.ts';

const SECRET = 'the-client-secret-1234';
const FULL_ENV = {
  SAMENHANG_OIDC_ISSUER: 'https://login.example.nl/realms/rijk',
  SAMENHANG_OIDC_CLIENT_ID: 'samenhang',
  SAMENHANG_OIDC_CLIENT_SECRET: SECRET,
  SAMENHANG_OIDC_REDIRECT_URI: 'https://samenhang.example.nl/api/auth/oidc/callback',
};
const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
};

/** The message of the OidcConfigError thrown, or 'no error'. */
function refusal(values: Record<string, string>, env: Record<string, string>, readFile = noFile): string {
  try {
    oidcOptionsFrom(values, env, readFile);
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(OidcConfigError);
    return (error as Error).message;
  }
}

describe('OpenID Connect settings from the command line and the environment', () => {
  it('is off without an issuer', () => {
    expect(oidcOptionsFrom({}, {})).toBeUndefined();
  });

  it('reads every setting from the environment', () => {
    expect(oidcOptionsFrom({}, { ...FULL_ENV, SAMENHANG_OIDC_LABEL: 'Rijksportaal' }, noFile)).toEqual({
      issuer: 'https://login.example.nl/realms/rijk',
      clientId: 'samenhang',
      clientSecret: SECRET,
      redirectUri: 'https://samenhang.example.nl/api/auth/oidc/callback',
      label: 'Rijksportaal',
    });
  });

  it('an option wins over its variable; the secret comes from the first line of a file', () => {
    const { SAMENHANG_OIDC_CLIENT_SECRET: _, ...env } = FULL_ENV;
    const files: Record<string, string> = { '/run/secrets/oidc': 'from-the-file\nsecond line is ignored\n' };
    const options = oidcOptionsFrom(
      {
        'oidc-client-id': 'other-client',
        'oidc-client-secret-file': '/run/secrets/oidc',
        'oidc-username-claim': 'email',
      },
      env,
      (path) => files[path] ?? noFile(path),
    );
    expect(options).toMatchObject({ clientId: 'other-client', clientSecret: 'from-the-file', usernameClaim: 'email' });
    expect(options?.allowHttp).toBeUndefined();
  });

  it('allows plain http only to a provider on this machine', () => {
    const local = { ...FULL_ENV, SAMENHANG_OIDC_ISSUER: 'http://127.0.0.1:9000' };
    expect(oidcOptionsFrom({}, local)?.allowHttp).toBe(true);
    expect(refusal({}, { ...FULL_ENV, SAMENHANG_OIDC_ISSUER: 'http://login.example.nl' })).toBe(
      '--oidc-issuer ($SAMENHANG_OIDC_ISSUER) must be an https:// URL (http only on this machine)',
    );
  });

  it('names the option and the variable of what is missing or wrong, never the secret', () => {
    const { SAMENHANG_OIDC_CLIENT_SECRET: _, ...withoutSecret } = FULL_ENV;
    const messages = [
      refusal({}, withoutSecret),
      refusal({ 'oidc-client-secret-file': '/nope' }, FULL_ENV),
      refusal({ 'oidc-client-secret-file': '/nope' }, withoutSecret),
      refusal({ 'oidc-client-secret-file': '/empty' }, withoutSecret, () => '\n'),
      refusal({}, { ...FULL_ENV, SAMENHANG_OIDC_CLIENT_ID: '' }),
      refusal({}, { ...FULL_ENV, SAMENHANG_OIDC_REDIRECT_URI: 'https://samenhang.example.nl/' }),
      refusal({ 'oidc-issuer': 'not a url' }, FULL_ENV),
      refusal({}, { SAMENHANG_OIDC_CLIENT_ID: 'x' }),
      refusal({}, { SAMENHANG_OIDC_CLIENT_SECRET: SECRET }),
    ];
    expect(messages).toEqual([
      'the client secret is missing: set $SAMENHANG_OIDC_CLIENT_SECRET or name a file with --oidc-client-secret-file',
      'give the client secret once: $SAMENHANG_OIDC_CLIENT_SECRET or --oidc-client-secret-file, not both',
      'cannot read the client secret file /nope (ENOENT)',
      'the client secret file /empty is empty',
      '--oidc-client-id ($SAMENHANG_OIDC_CLIENT_ID) must not be empty',
      "--oidc-redirect-uri must end in /api/auth/oidc/callback, got 'https://samenhang.example.nl/'",
      "--oidc-issuer ($SAMENHANG_OIDC_ISSUER) must be a URL, got 'not a url'",
      '--oidc-client-id ($SAMENHANG_OIDC_CLIENT_ID) is set, but no issuer: add --oidc-issuer ($SAMENHANG_OIDC_ISSUER)',
      '$SAMENHANG_OIDC_CLIENT_SECRET is set, but no issuer: add --oidc-issuer ($SAMENHANG_OIDC_ISSUER)',
    ]);
    for (const message of messages) expect(message).not.toContain(SECRET);
  });

  it('docs/security.md names only existing options and variables, and all of them', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'security.md'), 'utf8');
    const options = new Set([...doc.matchAll(/--(oidc-[a-z-]+)/g)].map((m) => m[1]));
    const variables = new Set([...doc.matchAll(/SAMENHANG_OIDC_[A-Z_]+/g)].map((m) => m[0]));
    expect([...options].sort()).toEqual(Object.keys(OIDC_OPTION_SPEC).sort());
    expect([...variables].sort()).toEqual([...OIDC_ENV_VARIABLES].sort());
  });
});
