/**
 * Starts a real Samenhang server for the browser tests and the screenshot script: builds the UI
 * with Vite into a temporary folder (always fresh, ~1 s), then `buildApp` with a temporary data
 * directory (its own SQLite database and sweep results) on 127.0.0.1 and a free port.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp, contextOf, REPO_ROOT } from '../server/app.ts';
import { AccountStore } from '../server/auth/accounts.ts';
import { openDatabase, prepareDataDir } from '../server/db.ts';
import { seedExampleRegister } from '../server/intekenboek-example.ts';
import { settled } from './ui-driver.ts';

/** The password of the accounts a test server is started with. */
export const TEST_SERVER_PASSWORD = 'correct horse battery staple';

/** Creates accounts (name → roles) in a data directory before the server starts. */
async function addAccounts(dataDir: string, accounts: Record<string, string[]>): Promise<void> {
  const db = openDatabase(prepareDataDir(dataDir).dataDir);
  try {
    const store = new AccountStore(db);
    for (const [name, roles] of Object.entries(accounts)) await store.add(name, TEST_SERVER_PASSWORD, roles);
  } finally {
    db.close();
  }
}

export interface TestServer {
  url: string;
  uiDir: string;
  close(): Promise<void>;
}

/** Chromium launch options that work with Debian's chromium package (docs: engineering notes §2e). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * How long a page may take to show what a step waits for: a hang detector, generous because a busy
 * machine runs chromium, the server and its sweep workers slowly; nothing in the browser tests is timed.
 */
export const BROWSER_WAIT_MS = 120_000;

/**
 * Opens a page for a browser test: Dutch locale, BROWSER_WAIT_MS for every wait, and every page
 * error or request outside the test server collected in `pageErrors` (the UI may use no CDN,
 * tiles or fonts from elsewhere).
 */
export async function openTestPage(
  browser: Browser,
  viewport: { width: number; height: number },
  pageErrors: string[],
): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'nl-NL' });
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    pageErrors.push(`request outside localhost: ${route.request().url()}`);
    return route.abort();
  });
  return page;
}

/** Builds the UI with Vite into `outDir`. */
export async function buildUi(outDir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** How a test server starts: sweep worker threads (2 unless given), example register, accounts. */
export interface TestServerOptions {
  sweepWorkers?: number;
  exampleRegister?: boolean;
  accounts?: Record<string, string[]>;
}

/**
 * `exampleRegister`: load the intekenboek's example register, as the first start of the server does.
 * With `accounts` (name → roles) the server signs users in (shared mode, plain HTTP on loopback).
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const tmp = mkdtempSync(join(tmpdir(), 'samenhang-ui-'));
  const uiDir = join(tmp, 'ui');
  await buildUi(uiDir);
  const dataDir = join(tmp, 'data');
  if (opts.accounts) await addAccounts(dataDir, opts.accounts);
  const app = await buildApp({
    dataDir,
    uiDir,
    sweepWorkers: opts.sweepWorkers ?? 2,
    ...(opts.accounts ? { auth: { mode: 'accounts' as const, secureCookies: false } } : {}),
  });
  if (opts.exampleRegister) {
    const ctx = contextOf(app);
    seedExampleRegister(ctx.db, ctx.commitments, REPO_ROOT, ctx.datasets.get());
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    uiDir,
    async close() {
      await app.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Whether browser suites run here: chromium is installed, or CI demands them (CI installs it first). */
export const BROWSER_TESTS_RUN = existsSync(CHROMIUM_PATH) || process.env.CI === 'true' || process.env.CI === '1';

/** What a browser suite starts: the test server's options and the page's window size. */
export interface BrowserSuiteOptions {
  server?: TestServerOptions;
  /** Window size of the page; 1280×800 (the screenshots' size) unless given. */
  viewport?: { width: number; height: number };
}

/**
 * The shared state of a browser test file: one server, chromium and one page (see openTestPage),
 * started in `beforeAll` and closed in `afterAll`:
 *
 *   const ui = new BrowserSuite({ server: { sweepWorkers: 1 } });
 *   beforeAll(() => ui.start('#/kaart'));
 *   afterAll(() => ui.close());
 *
 * Page errors and requests outside the server collect in `pageErrors`, which tests expect empty.
 */
export class BrowserSuite {
  /** Every page error and outside request of the suite's pages. */
  readonly pageErrors: string[] = [];
  #server: TestServer | undefined;
  #browser: Browser | undefined;
  #page: Page | undefined;
  readonly #options: BrowserSuiteOptions;

  constructor(options: BrowserSuiteOptions = {}) {
    this.#options = options;
    if (!BROWSER_TESTS_RUN)
      console.warn(
        `browser tests skipped: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
      );
  }

  get server(): TestServer {
    return started(this.#server);
  }
  get browser(): Browser {
    return started(this.#browser);
  }
  get page(): Page {
    return started(this.#page);
  }
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  get url(): string {
    return this.server.url;
  }

  /** Starts the server, chromium and the page; with `route` ("#/kaart") opens it as `open` does. */
  async start(route?: string): Promise<void> {
    this.#server = await startTestServer(this.#options.server);
    this.#browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    this.#page = await this.newPage(this.#options.viewport ?? { width: 1280, height: 800 });
    if (route !== undefined) await this.open(route);
  }

  /** Loads the app at `route` and waits until its first evaluation is shown ("Berekend"). */
  async open(route: string): Promise<void> {
    await this.page.goto(`${this.url}/${route}`);
    await settled(this.page);
  }

  /** Another page in the suite's browser (another user, another window size), guarded like the first. */
  newPage(viewport: { width: number; height: number }): Promise<Page> {
    return openTestPage(this.browser, viewport, this.pageErrors);
  }

  /** Closes what `start` opened, also after a start that failed halfway. */
  async close(): Promise<void> {
    await this.#browser?.close();
    await this.#server?.close();
  }
}

function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('browser suite not started: call start() in beforeAll');
  return value;
}
