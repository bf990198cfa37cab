import { closeSync, openSync, writeSync } from 'node:fs';
import {
  AsyncByteQueue,
  Bool,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
  type Data,
} from 'apache-arrow';
import { OUTPUTS } from '../model/outputs.ts';

/** Rows of one batch, as views on the shared batch columns (see BatchColumns). */
export interface TableBatch {
  values: Float64Array;
  capacityRows: number;
  rowCount: number;
  batchStart: number;
}

/** Writes the sweep table batch by batch; memory stays bounded by one batch. */
export interface SweepTableWriter {
  write(batch: TableBatch): void;
  close(): void;
}

/** Describes the sweep table: region ids (one row each per scenario, then `NL`) and axis paths. */
export interface TableLayout {
  regionIds: string[];
  axisPaths: string[];
}

/**
 * Byte sink that hands each chunk to the file at once. The Arrow writer otherwise queues views on
 * our shared batch columns, which the next batch overwrites; writing synchronously makes the file
 * hold the bytes before the buffer is reused.
 */
class FileByteSink extends AsyncByteQueue {
  constructor(private readonly fd: number) {
    super();
  }
  override write(value: Uint8Array): void {
    let offset = 0;
    while (offset < value.byteLength) offset += writeSync(this.fd, value, offset, value.byteLength - offset);
  }
}

function validityBitmap(rowCount: number, isValid: (row: number) => boolean): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(rowCount / 8));
  for (let row = 0; row < rowCount; row++) if (isValid(row)) bitmap[row >> 3] |= 1 << (row & 7);
  return bitmap;
}

/** A Float64 column whose NaN values are Arrow nulls. */
function nanAsNullColumn(data: Float64Array, rowCount: number): Data {
  let nullCount = 0;
  for (let row = 0; row < rowCount; row++) if (Number.isNaN(data[row])) nullCount++;
  const nullBitmap = nullCount > 0 ? validityBitmap(rowCount, (row) => !Number.isNaN(data[row])) : undefined;
  return makeData({ type: new Float64(), length: rowCount, nullCount, nullBitmap, data });
}

/** Arrow IPC file writer for sweep tables: Int32 scenario, Utf8 region, Float64 axes and outputs, Bool Route 35. */
export function createArrowTableWriter(path: string, layout: TableLayout): SweepTableWriter {
  const regionRows = layout.regionIds.length + 1;
  const ids = [...layout.regionIds, 'NL'];
  const fields = [
    new Field('scenario', new Int32(), false),
    new Field('region', new Utf8(), false),
    ...layout.axisPaths.map((path) => new Field(path, new Float64(), true)),
    ...OUTPUTS.map((o) => new Field(o.name, o.name === 'route35Triggered' ? new Bool() : new Float64(), true)),
  ];
  const schema = new Schema(fields);
  const fd = openSync(path, 'w');
  const writer = new RecordBatchFileWriter();
  try {
    writer.reset(new FileByteSink(fd), schema);
  } catch (error) {
    closeSync(fd); // the caller gets no writer to close
    throw error;
  }
  const encoder = new TextEncoder();

  return {
    write(batch) {
      const { rowCount, capacityRows, values } = batch;
      const scenarios = new Int32Array(rowCount);
      const offsets = new Int32Array(rowCount + 1);
      const idBytes = ids.map((id) => encoder.encode(id));
      let byteLength = 0;
      for (let row = 0; row < rowCount; row++) {
        scenarios[row] = batch.batchStart + Math.floor(row / regionRows);
        byteLength += idBytes[row % regionRows].length;
        offsets[row + 1] = byteLength;
      }
      const text = new Uint8Array(byteLength);
      for (let row = 0; row < rowCount; row++) text.set(idBytes[row % regionRows], offsets[row]);
      const regionValid = validityBitmap(rowCount, (row) => row % regionRows !== regionRows - 1);
      const nationalValid = validityBitmap(rowCount, (row) => row % regionRows === regionRows - 1);
      const children: Data[] = [
        makeData({ type: new Int32(), length: rowCount, nullCount: 0, data: scenarios }),
        makeData({ type: new Utf8(), length: rowCount, nullCount: 0, valueOffsets: offsets, data: text }),
      ];
      const column = (c: number) => values.subarray(c * capacityRows, c * capacityRows + rowCount);
      layout.axisPaths.forEach((_, a) => {
        children.push(nanAsNullColumn(column(a), rowCount));
      });
      const nationalRows = rowCount / regionRows;
      OUTPUTS.forEach((output, k) => {
        const data = column(layout.axisPaths.length + k);
        if (output.name === 'route35Triggered') {
          const bits = validityBitmap(rowCount, (row) => data[row] === 1);
          children.push(
            makeData({
              type: new Bool(),
              length: rowCount,
              nullCount: rowCount - nationalRows,
              nullBitmap: nationalValid,
              data: bits,
            }),
          );
        } else if ('nullable' in output && output.nullable) {
          // NaN marks the rows where a nullable output has no value (and the rows outside its scope).
          children.push(nanAsNullColumn(data, rowCount));
        } else if (output.scope === 'both') {
          children.push(makeData({ type: new Float64(), length: rowCount, nullCount: 0, data }));
        } else {
          const regionOnly = output.scope === 'region';
          children.push(
            makeData({
              type: new Float64(),
              length: rowCount,
              nullCount: regionOnly ? nationalRows : rowCount - nationalRows,
              nullBitmap: regionOnly ? regionValid : nationalValid,
              data,
            }),
          );
        }
      });
      const struct = makeData({ type: new Struct(fields), length: rowCount, nullCount: 0, children });
      writer.write(new RecordBatch(schema, struct));
    },
    close() {
      try {
        writer.finish();
        writer.close();
      } finally {
        closeSync(fd); // also when the footer cannot be written (disk full): a leaked descriptor keeps the space in use
      }
    },
  };
}

/** Cells that spreadsheet programs would read as formulas are prefixed with a quote. */
export function csvCell(text: string): string {
  let cell = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  if (/[",\n\r]/.test(cell)) cell = `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

function csvNumber(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

/** CSV writer for sweep tables: same columns as the Arrow table, empty cells for null. */
export function createCsvTableWriter(path: string, layout: TableLayout): SweepTableWriter {
  const regionRows = layout.regionIds.length + 1;
  const ids = [...layout.regionIds, 'NL'].map(csvCell);
  const fd = openSync(path, 'w');
  const header = `${['scenario', 'region', ...layout.axisPaths, ...OUTPUTS.map((o) => o.name)].map(csvCell).join(',')}\n`;
  try {
    writeSync(fd, header);
  } catch (error) {
    closeSync(fd); // the caller gets no writer to close
    throw error;
  }
  const route35Column = OUTPUTS.findIndex((o) => o.name === 'route35Triggered');
  const columnCount = layout.axisPaths.length + OUTPUTS.length;
  return {
    write(batch) {
      const lines: string[] = [];
      for (let row = 0; row < batch.rowCount; row++) {
        const cells = [String(batch.batchStart + Math.floor(row / regionRows)), ids[row % regionRows]];
        for (let c = 0; c < columnCount; c++) {
          const value = batch.values[c * batch.capacityRows + row];
          if (c === layout.axisPaths.length + route35Column)
            cells.push(Number.isNaN(value) ? '' : value === 1 ? 'true' : 'false');
          else cells.push(csvNumber(value));
        }
        lines.push(cells.join(','));
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    },
    close() {
      closeSync(fd);
    },
  };
}
