import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const table = parseCsv('id,name\nA,"one, ""two""\nthree"\nB,plain\n');
    expect(table.header).toEqual(['id', 'name']);
    expect(table.rows).toEqual([
      ['A', 'one, "two"\nthree'],
      ['B', 'plain'],
    ]);
    expect(table.rowLines).toEqual([2, 4]);
  });

  it('accepts CRLF line ends, a BOM and a missing final newline', () => {
    const table = parseCsv('\ufeffa,b\r\n1,2\r\n3,4');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3\n').rows).toEqual([['1', '', '3']]);
  });

  it('names line and column of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrowError(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
      expect((error as CsvSyntaxError).column).toBe(3);
    }
  });

  it('rejects text after a closing quote and quotes inside unquoted cells', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrowError(/after a closing quote/);
    expect(() => parseCsv('a\nx"y\n')).toThrowError(/quote inside an unquoted cell/);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsv('')).toThrowError(/empty/);
  });
});
