import { describe, expect, it } from 'vitest';
import { dataset, plan } from '../testing/executor-suite.ts';
import { decodeChunkInto, deserializePlan, encodeChunk, serializePlan } from './remote-protocol.ts';
import { parseSweep } from './spec.ts';

describe('a published plan', () => {
  it('arrives with its draws bit for bit', () => {
    const received = deserializePlan(serializePlan(plan));
    expect(new Uint8Array(received.draws.buffer)).toEqual(
      new Uint8Array(plan.draws.buffer, plan.draws.byteOffset, plan.draws.byteLength),
    );
    expect({ ...received, draws: null }).toEqual({ ...plan, draws: null });
  });

  it('keeps its draws in shared memory, so handing the plan to a pool thread does not copy them', () => {
    const big = parseSweep(
      { base: {}, axes: [{ path: 'defaults.evCount', uniform: [0, 1000] }], samples: 5000 },
      dataset,
    );
    const received = deserializePlan(serializePlan(big));
    expect(received.draws.buffer).toBeInstanceOf(SharedArrayBuffer);
    // What postMessage does to a task: a structured clone. It views the same memory.
    const inThread = structuredClone(received);
    received.draws[4999] = -1;
    expect(inThread.draws[4999]).toBe(-1);
  });
});

describe('a chunk’s rows', () => {
  it('are copied into their place in the batch, NaN (null) included', () => {
    const columns = 3;
    const rows = 4;
    const values = new Float64Array(columns * 10); // 10 rows of capacity, 4 used
    for (let c = 0; c < columns; c++) for (let r = 0; r < rows; r++) values[c * 10 + r] = c * 100 + r;
    values[1 * 10 + 2] = Number.NaN;
    const bytes = encodeChunk(values, 10, rows, columns);
    const batch = new Float64Array(columns * 20).fill(7);
    decodeChunkInto(bytes, batch, 20, 5, rows, columns);
    expect(Array.from(batch.subarray(20, 40))).toEqual([
      ...[7, 7, 7, 7, 7],
      ...[100, 101, Number.NaN, 103],
      ...Array(11).fill(7),
    ]);
    expect(() => decodeChunkInto(bytes, batch, 20, 0, rows + 1, columns)).toThrow(
      'a chunk arrived with 4×3 values, expected 5×3',
    );
  });
});
