import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { formatRole, type Identity, parseRole, type Role } from './roles.ts';

/** A refused account operation (unknown user, weak password…); the message names the problem. */
export class AccountError extends Error {
  /** The input at fault (`username`, `password`, `roles`), or what is wrong with the account itself. */
  constructor(
    message: string,
    readonly problem: 'username' | 'password' | 'roles' | 'missing' | 'exists' | 'state' = 'state',
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface AccountInfo {
  username: string;
  roles: string[];
  createdAt: string;
  disabledAt: string | null;
  /** No password: signs in only through the OpenID Connect provider. */
  external: boolean;
}

export interface TokenInfo {
  id: string;
  username: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface AccountRow {
  id: number;
  username: string;
  password_hash: string | null;
  roles_json: string;
  created_at: string;
  disabled_at: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/i;
/** Prefix of every API token, so a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'samenhang_';

function checkUsername(username: string): void {
  if (!USERNAME.test(username))
    throw new AccountError(`user name '${username}' must be 2–64 letters, digits, '.', '_', '@' or '-'`, 'username');
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(`password ${problem}`, 'password');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Local accounts, their API tokens and the grid operators' service areas, in the SQLite database. */
export class AccountStore {
  constructor(private readonly db: Db) {}

  /** Creates an account; the password is hashed with scrypt and never stored in clear. */
  async add(username: string, password: string, roles: string[]): Promise<void> {
    checkUsername(username);
    const parsed = this.parseRoles(roles);
    checkPassword(password);
    if (this.row(username)) throw new AccountError(`user '${username}' already exists`, 'exists');
    const hash = await hashPassword(password);
    this.db
      .prepare('INSERT INTO accounts (username, password_hash, roles_json, created_at) VALUES (?, ?, ?, ?)')
      .run(username, hash, JSON.stringify(parsed.map(formatRole)), new Date().toISOString());
  }

  /** Creates an account without a password: it signs in only through the OpenID Connect provider. */
  addExternal(username: string, roles: string[]): void {
    checkUsername(username);
    const parsed = this.parseRoles(roles);
    if (this.row(username)) throw new AccountError(`user '${username}' already exists`, 'exists');
    this.db
      .prepare('INSERT INTO accounts (username, password_hash, roles_json, created_at) VALUES (?, NULL, ?, ?)')
      .run(username, JSON.stringify(parsed.map(formatRole)), new Date().toISOString());
  }

  list(): AccountInfo[] {
    return this.db
      .prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY username')
      .all()
      .map((row) => ({
        username: row.username,
        roles: JSON.parse(row.roles_json) as string[],
        createdAt: row.created_at,
        disabledAt: row.disabled_at,
        external: row.password_hash === null,
      }));
  }

  /** How many accounts can sign in (not disabled). */
  activeCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM accounts WHERE disabled_at IS NULL').get() as { n: number }).n;
  }

  /** Disables an account: its sessions end and its tokens stop working at once. */
  disable(username: string): void {
    const row = this.required(username);
    this.db
      .transaction(() => {
        this.db
          .prepare('UPDATE accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL')
          .run(new Date().toISOString(), row.id);
        this.endSessions(row.id);
      })
      .immediate();
  }

  enable(username: string): void {
    const row = this.required(username);
    this.db.prepare('UPDATE accounts SET disabled_at = NULL WHERE id = ?').run(row.id);
  }

  /** Sets a new password and ends the account's sessions. */
  async resetPassword(username: string, password: string): Promise<void> {
    const row = this.required(username);
    checkPassword(password);
    const hash = await hashPassword(password);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, row.id);
        this.endSessions(row.id);
      })
      .immediate();
  }

  /** Replaces an account's roles. */
  setRoles(username: string, roles: string[]): void {
    const row = this.required(username);
    const parsed = this.parseRoles(roles);
    this.db
      .prepare('UPDATE accounts SET roles_json = ? WHERE id = ?')
      .run(JSON.stringify(parsed.map(formatRole)), row.id);
  }

  /** The identity for a user name and password, or undefined (same work whether or not the user exists). */
  async verifyLogin(username: string, password: string): Promise<Identity | undefined> {
    const row = USERNAME.test(username) ? this.row(username) : undefined;
    const hash = row?.password_hash ?? (await decoyPasswordHash());
    const ok = await verifyPassword(password, hash);
    if (!ok || !row || row.disabled_at !== null || row.password_hash === null) return undefined;
    return this.identityOf(row, 'session');
  }

  /** The identity of an enabled account by name (sign-in through OpenID Connect). */
  identityByName(username: string, via: Identity['via']): Identity | undefined {
    const row = USERNAME.test(username) ? this.row(username) : undefined;
    if (!row || row.disabled_at !== null) return undefined;
    return this.identityOf(row, via);
  }

  /** The identity of an enabled account by id (sessions store only the id). */
  identityById(accountId: number, via: Identity['via']): Identity | undefined {
    const row = this.db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(accountId);
    if (!row || row.disabled_at !== null) return undefined;
    return this.identityOf(row, via);
  }

  /** Creates an API token; the secret is returned once and stored only as its SHA-256. */
  createToken(username: string, label: string): { id: string; token: string } {
    const row = this.required(username);
    if (row.disabled_at !== null) throw new AccountError(`user '${username}' is disabled`);
    const id = randomBytes(6).toString('hex');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    this.db
      .prepare('INSERT INTO api_tokens (id, account_id, label, token_sha256, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, row.id, label, sha256(token), new Date().toISOString());
    return { id, token };
  }

  /** The identity of a live token of an enabled account, or undefined. */
  verifyToken(token: string): Identity | undefined {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const hit = this.db
      .prepare<[string], { id: string; account_id: number }>(
        'SELECT id, account_id FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL',
      )
      .get(sha256(token));
    if (!hit) return undefined;
    const identity = this.identityById(hit.account_id, 'token');
    if (identity)
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(new Date().toISOString(), hit.id);
    return identity;
  }

  listTokens(username?: string): TokenInfo[] {
    const rows = this.db
      .prepare<[string | null, string | null], TokenInfo>(
        `SELECT t.id, a.username, t.label, t.created_at AS createdAt, t.last_used_at AS lastUsedAt, t.revoked_at AS revokedAt
         FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE ? IS NULL OR a.username = ? COLLATE NOCASE ORDER BY t.created_at, t.id`,
      )
      .all(username ?? null, username ?? null);
    return rows;
  }

  /** Revokes a token; returns the user it belonged to. */
  revokeToken(id: string): string {
    const hit = this.db
      .prepare<[string], { username: string }>(
        'SELECT a.username FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?',
      )
      .get(id);
    if (!hit) throw new AccountError(`no token '${id}'`, 'missing');
    this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id);
    return hit.username;
  }

  /** Sets the RES regions a grid operator serves (replacing the previous list). */
  setGridOperatorRegions(operator: string, regions: string[]): void {
    parseRole(`netbeheerder:${operator}`);
    for (const region of regions) parseRole(`regio:${region}`);
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM grid_operator_regions WHERE operator = ?').run(operator);
        const insert = this.db.prepare('INSERT OR IGNORE INTO grid_operator_regions (operator, region) VALUES (?, ?)');
        for (const region of regions) insert.run(operator, region);
      })
      .immediate();
  }

  gridOperatorRegions(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const rows = this.db
      .prepare<[], { operator: string; region: string }>(
        'SELECT operator, region FROM grid_operator_regions ORDER BY operator, region',
      )
      .all();
    for (const row of rows) (out[row.operator] ??= []).push(row.region);
    return out;
  }

  private identityOf(row: AccountRow, via: Identity['via']): Identity {
    const roles = (JSON.parse(row.roles_json) as string[]).map(parseRole);
    const gridRegions = new Set<string>();
    const regionsOf = this.db.prepare<[string], { region: string }>(
      'SELECT region FROM grid_operator_regions WHERE operator = ?',
    );
    for (const role of roles)
      if (role.kind === 'netbeheerder') for (const { region } of regionsOf.all(role.operator)) gridRegions.add(region);
    return { accountId: row.id, username: row.username, roles, gridRegions, via };
  }

  private endSessions(accountId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId);
  }

  private parseRoles(roles: string[]): Role[] {
    if (roles.length === 0) throw new AccountError('give at least one role (--role)', 'roles');
    try {
      return roles.map(parseRole);
    } catch (error) {
      throw new AccountError((error as Error).message, 'roles');
    }
  }

  private row(username: string): AccountRow | undefined {
    return this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE username = ?').get(username);
  }

  private required(username: string): AccountRow {
    const row = this.row(username);
    if (!row) throw new AccountError(`no user '${username}'`, 'missing');
    return row;
  }
}
