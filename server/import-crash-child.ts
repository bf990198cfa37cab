/**
 * Tests only (intekenboek-crash.test.ts): a server on the tiny dataset whose CSV import, with
 * `--stall-after N`, writes `<dataDir>/import-stalled` after N rows and then blocks inside the
 * import transaction, so the test can kill -9 it there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, contextOf } from './app.ts';

const [dataDir, datasetsDir, stallFlag, stallAfter] = process.argv.slice(2);
const app = await buildApp({ dataDir, datasetsDir, defaultDataset: 'tiny', sweepWorkers: 1 });
if (stallFlag === '--stall-after') {
  const after = Number(stallAfter);
  contextOf(app).commitments.onImportRow = (rows) => {
    if (rows !== after) return;
    writeFileSync(join(dataDir, 'import-stalled'), String(rows));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000); // blocks until killed
  };
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(`listening ${address.port}\n`);
