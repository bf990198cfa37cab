/**
 * Generated examples inside markdown: the text between `<!-- example:NAME -->` and
 * `<!-- /example -->` is the example's output, rewritten by `npm run docs:examples`.
 */

const BLOCK = /(<!-- example:([a-z0-9-]+) -->\n)([\s\S]*?)(<!-- \/example -->)/g;

/** The example names marked in a markdown text, in order. */
export function exampleNames(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((m) => m[2]);
}

/** `markdown` with each marked block replaced by its example; an unknown name is an error. */
export function withExamples(markdown: string, examples: ReadonlyMap<string, string>): string {
  return markdown.replace(BLOCK, (_all, open: string, name: string, _old: string, close: string) => {
    const text = examples.get(name);
    if (text === undefined) throw new Error(`no example named '${name}'`);
    return `${open}${text}\n${close}`;
  });
}
