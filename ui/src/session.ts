/**
 * Who is signed in. On a loopback server (mode `open`) nobody signs in; on a shared server the
 * UI shows the sign-in page until there is a session. Components re-render on 'change'.
 */
import { api, setCsrfToken, SIGNED_OUT_EVENT } from './api.ts';

export interface SessionUser {
  username: string;
  roles: string[];
  gridRegions: string[];
}

interface SessionAnswer {
  mode: 'open' | 'accounts';
  user: SessionUser | null;
  csrfToken?: string;
  /** The organisation's OpenID Connect provider, when the server has one. */
  oidc?: { label: string; start: string };
}

export class SessionState extends EventTarget {
  mode: 'open' | 'accounts' | 'unknown' = 'unknown';
  user: SessionUser | null = null;
  oidc: SessionAnswer['oidc'] = undefined;

  constructor() {
    super();
    addEventListener(SIGNED_OUT_EVENT, () => {
      if (this.mode === 'accounts' && this.user) this.apply({ mode: 'accounts', user: null, oidc: this.oidc });
    });
  }

  /** True when the UI may be used: an open server, or someone signed in. */
  get ready(): boolean {
    return this.mode === 'open' || (this.mode === 'accounts' && this.user !== null);
  }

  async load(): Promise<void> {
    this.apply(await api<SessionAnswer>('/api/auth/session'));
  }

  async signIn(username: string, password: string): Promise<void> {
    this.apply(await api<SessionAnswer>('/api/auth/login', { method: 'POST', json: { username, password } }));
  }

  async signOut(): Promise<void> {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } finally {
      this.apply({ mode: 'accounts', user: null, oidc: this.oidc });
    }
  }

  private apply(answer: SessionAnswer): void {
    this.mode = answer.mode;
    this.user = answer.user;
    this.oidc = answer.oidc;
    setCsrfToken(answer.csrfToken ?? '');
    this.dispatchEvent(new Event('change'));
  }
}

export const session = new SessionState();
