/**
 * The command-line examples of the README, produced by running the CLI in this process on the
 * bundled data: the command and the first lines of what it prints.
 */
import { join } from 'node:path';
import { captureIo } from '../../engine/cli/io.ts';
import { main } from '../../engine/cli/main.ts';
import { REPO_ROOT } from '../app.ts';
import { MORE } from './render.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\``;

/** `samenhang ARGS` with the repository's files, and its output cut after `lines` lines. */
async function cliExample(args: string[], lines: number): Promise<string> {
  const io = captureIo();
  const status = await main(
    args.map((a) => (a.startsWith('scenarios/') ? join(REPO_ROOT, a) : a)),
    io,
  );
  if (status !== 0) throw new Error(`samenhang ${args.join(' ')} exited with ${status}: ${io.err}`);
  const out = io.out.trimEnd().split('\n');
  const shown = out.length > lines ? [...out.slice(0, lines), MORE] : out;
  return `${fence('sh', `npx samenhang ${args.join(' ')}`)}\n${fence('', shown.join('\n'))}`;
}

/** Every command-line example by name. */
export async function cliExamples(): Promise<Map<string, string>> {
  return new Map([['cli-evaluate', await cliExample(['evaluate', 'scenarios/zon-zwaar.json'], 24)]]);
}
