import { parseArgs } from 'node:util';
import { DataDirError, openDatabase, prepareDataDir } from '../db.ts';
import { AccountError, AccountStore } from './accounts.ts';

export const USERS_USAGE = `Usage: samenhang-server users <command> [--data-dir DIR]

  add <name> --role ROLE [--role ROLE…]   create an account (password: see below)
      [--external]                         … without a password: signs in through OpenID Connect only
  list                                     accounts, their roles and whether they are disabled
  disable <name>                           ends the account's sessions and stops its tokens at once
  enable <name>                            lets a disabled account sign in again
  reset <name>                             set a new password (ends the account's sessions)
  roles <name> --role ROLE [--role ROLE…]  replace the account's roles
  token <name> [--label TEXT]              create an API token (printed once; stored only hashed)
  tokens [<name>]                          list API tokens
  revoke-token <id>                        revoke an API token
  grid-operator <name> <region>…           the RES regions grid operator <name> serves

Roles: beheerder, programmateam, regio:<id>, netbeheerder:<name>, lezer.
Passwords are never taken as arguments: from $SAMENHANG_PASSWORD, else the first line of standard
input, else (on a terminal) typed without echo. --data-dir defaults to $SAMENHANG_DATA_DIR or ./var.`;

/** What the command reads and writes (injectable for in-process tests). */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

const OPTIONS = {
  role: { type: 'string', multiple: true },
  label: { type: 'string' },
  external: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/** `samenhang-server users …`: returns the exit code (0 ok, 2 bad input with one line on stderr). */
export async function runUsersCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`samenhang: ${(error as Error).message} (see users --help)\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    io.stdout.write(`${USERS_USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const dataDir = parsed.values['data-dir'] ?? io.env.SAMENHANG_DATA_DIR ?? './var';
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(prepareDataDir(dataDir).dataDir);
    const store = new AccountStore(db);
    await dispatch(store, command, rest, parsed.values, io);
    return 0;
  } catch (error) {
    if (error instanceof AccountError || error instanceof UsageError || error instanceof DataDirError) {
      io.stderr.write(`samenhang: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    db?.close();
  }
}

function one(rest: string[], what: string): string {
  if (rest.length !== 1) throw new UsageError(`give exactly one ${what} (see users --help)`);
  return rest[0];
}

async function dispatch(
  store: AccountStore,
  command: string,
  rest: string[],
  values: { role?: string[]; label?: string; external?: boolean },
  io: CliIo,
): Promise<void> {
  const say = (text: string): void => void io.stdout.write(`${text}\n`);
  switch (command) {
    case 'add': {
      const name = one(rest, 'user name');
      if (values.external) store.addExternal(name, values.role ?? []);
      else await store.add(name, await readPassword(io, `Wachtwoord voor ${name}: `), values.role ?? []);
      return say(`user ${name} added (${(values.role ?? []).join(', ')})`);
    }
    case 'reset': {
      const name = one(rest, 'user name');
      await store.resetPassword(name, await readPassword(io, `Nieuw wachtwoord voor ${name}: `));
      return say(`password of ${name} reset; its sessions have ended`);
    }
    case 'list':
      for (const a of store.list())
        say(`${a.username}\t${a.roles.join(',')}\t${a.disabledAt ? `disabled ${a.disabledAt}` : 'active'}`);
      return;
    case 'disable':
      store.disable(one(rest, 'user name'));
      return say(`user ${rest[0]} disabled; its sessions have ended and its tokens no longer work`);
    case 'enable':
      store.enable(one(rest, 'user name'));
      return say(`user ${rest[0]} enabled`);
    case 'roles':
      store.setRoles(one(rest, 'user name'), values.role ?? []);
      return say(`roles of ${rest[0]}: ${(values.role ?? []).join(', ')}`);
    case 'token': {
      const { id, token } = store.createToken(one(rest, 'user name'), values.label ?? 'cli');
      io.stderr.write(`token ${id} for ${rest[0]}; it is shown only now:\n`);
      return say(token);
    }
    case 'tokens':
      for (const t of store.listTokens(rest[0]))
        say(`${t.id}\t${t.username}\t${t.label}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}`);
      return;
    case 'revoke-token':
      return say(`token ${one(rest, 'token id')} of ${store.revokeToken(rest[0])} revoked`);
    case 'grid-operator': {
      const [name, ...regions] = rest;
      if (!name || regions.length === 0) throw new UsageError('give a grid operator name and its regions');
      try {
        store.setGridOperatorRegions(name, regions);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      return say(`grid operator ${name} serves ${regions.join(', ')}`);
    }
    default:
      throw new UsageError(`unknown users command '${command}' (see users --help)`);
  }
}

/** The password from the environment, the first line of piped input, or typed on a terminal without echo. */
async function readPassword(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.SAMENHANG_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await typeHidden(io, prompt);
    const second = await typeHidden(io, 'Nog een keer: ');
    if (first !== second) throw new UsageError('the two passwords differ');
    return first;
  }
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  const line = text.split(/\r?\n/)[0];
  if (!line) throw new UsageError('no password: pipe it on standard input or set SAMENHANG_PASSWORD');
  return line;
}

function typeHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(typed);
        }
        if (char === '\u0003') {
          finish();
          return reject(new UsageError('cancelled'));
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    const finish = () => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
