import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUT_COUNT } from '../model/outputs.ts';
import { createArrowTableWriter, createCsvTableWriter } from './table-writer.ts';

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const layout = { regionIds: ['A', 'B'], axisPaths: ['defaults.storageMW'] };
const batch = { values: new Float64Array(3 * (1 + OUTPUT_COUNT)), capacityRows: 3, rowCount: 3, batchStart: 0 };

describe.runIf(process.platform === 'linux')('table writers on a full disk (/dev/full)', () => {
  it('the Arrow writer fails with ENOSPC and still closes its file descriptor', () => {
    const before = openDescriptors();
    // The full disk may show at the first write or only when the file is closed: collect the error
    // codes of both steps. There must be at least one, and only ENOSPC.
    const errorCodes: Array<string | undefined> = [];
    let writer: ReturnType<typeof createArrowTableWriter> | undefined;
    try {
      writer = createArrowTableWriter('/dev/full', layout);
      writer.write(batch);
    } catch (error) {
      errorCodes.push((error as NodeJS.ErrnoException).code);
    }
    try {
      writer?.close();
    } catch (error) {
      errorCodes.push((error as NodeJS.ErrnoException).code);
    }
    expect(errorCodes.length).toBeGreaterThan(0);
    expect(
      errorCodes.every((code) => code === 'ENOSPC'),
      String(errorCodes),
    ).toBe(true);
    expect(openDescriptors()).toBe(before);
  });

  it('the CSV writer fails with ENOSPC and does not leak its descriptor', () => {
    const before = openDescriptors();
    expect(() => createCsvTableWriter('/dev/full', layout)).toThrow(/ENOSPC/);
    expect(openDescriptors()).toBe(before);
  });
});
