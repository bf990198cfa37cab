import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.ts';

/** Reads and parses a JSON file; file and syntax problems become a ValidationError naming the file. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ValidationError([
      { where: path, message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code})` },
    ]);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ValidationError([{ where: path, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}
