import { describe, expect, it } from 'vitest';
import { dutchNumber, toDutchCsv } from './export-csv.ts';

describe('dutchNumber', () => {
  it('writes a decimal comma, no grouping and no trailing zeros', () => {
    expect(dutchNumber(1234.5, 3)).toBe('1234,5');
    expect(dutchNumber(5600, 0)).toBe('5600');
    expect(dutchNumber(-12.3456, 2)).toBe('-12,35');
    expect(dutchNumber(28.000000000000004, 4)).toBe('28');
  });
  it('never writes -0 or exponent notation', () => {
    expect(dutchNumber(-0.0001, 3)).toBe('0');
    expect(dutchNumber(1e-7, 9)).toBe('0,0000001');
    expect(dutchNumber(3e21, 0)).toBe('3000000000000000000000');
  });
});

describe('toDutchCsv', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toDutchCsv({
      headers: ['RES-code', 'Netinvestering (mln €)'],
      rows: [
        ['ES01', 5600.125],
        ['NL', null],
      ],
      digits: [null, 3],
    });
    expect(csv).toBe('\uFEFFRES-code;Netinvestering (mln €)\r\nES01;5600,125\r\nNL;\r\n');
  });
  it('quotes fields that hold the separator, quotes or line breaks', () => {
    const csv = toDutchCsv({ headers: ['a'], rows: [['x;y'], ['say "hi"'], ['two\nlines']], digits: [null] });
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"x;y"', '"say ""hi"""', '"two\nlines"']);
  });
});
