/**
 * Shareable addresses of a scenario. A saved scenario is named by its id and version
 * (`?scenario=<id>&versie=<n>`); a scenario that is not saved travels in the address itself,
 * as deflate-compressed JSON in base64url (`?s=…`), which keeps a scenario with a dozen levers
 * under ~300 characters. The view stays in the hash (`#/scenario`), so both combine with every view.
 */
import type { ScenarioJson } from './api.ts';
import { parseScenarioText, scenarioFileText } from './scenario-file.ts';

export const SAVED_PARAM = 'scenario';
export const VERSION_PARAM = 'versie';
export const INLINE_PARAM = 's';
export const DATASET_PARAM = 'dataset';

/** What a shared address asks to open. */
export type SharedRequest =
  | { kind: 'saved'; id: string; version: number | null; dataset: string | null }
  | { kind: 'inline'; encoded: string; dataset: string | null };

/** The scenario an address names, if any (`search` is `location.search`). */
export function sharedRequest(search: string): SharedRequest | null {
  const q = new URLSearchParams(search);
  const dataset = q.get(DATASET_PARAM);
  const id = q.get(SAVED_PARAM);
  if (id) {
    const v = Number(q.get(VERSION_PARAM));
    return { kind: 'saved', id, version: Number.isInteger(v) && v > 0 ? v : null, dataset };
  }
  const encoded = q.get(INLINE_PARAM);
  return encoded ? { kind: 'inline', encoded, dataset } : null;
}

/** `search` without the sharing parameters (other parameters kept), for the address bar after opening. */
export function withoutShare(search: string): string {
  const q = new URLSearchParams(search);
  for (const p of [SAVED_PARAM, VERSION_PARAM, INLINE_PARAM, DATASET_PARAM]) q.delete(p);
  const rest = q.toString();
  return rest ? `?${rest}` : '';
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The scenario compressed for an address (`?s=`). */
export async function encodeScenario(s: ScenarioJson): Promise<string> {
  const json = JSON.stringify(JSON.parse(scenarioFileText(s)));
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The scenario of an address's `?s=`, or a Dutch message why it cannot be read (never throws). */
export async function decodeScenario(
  encoded: string,
): Promise<{ ok: true; scenario: ScenarioJson } | { ok: false; message: string }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw')),
    );
  } catch {
    return { ok: false, message: 'De link bevat geen leesbaar scenario (onvolledig gekopieerd?).' };
  }
  const parsed = parseScenarioText(text);
  return parsed.ok ? parsed : { ok: false, message: `De link bevat geen geldig scenario: ${parsed.messages[0]}` };
}

/** The address of the app at `origin` + `path` opening `request`'s scenario in view `hash`. */
export function shareAddress(
  base: string,
  hash: string,
  req: { id: string; version: number } | { encoded: string },
  dataset?: string,
): string {
  const q = new URLSearchParams();
  if ('id' in req) {
    q.set(SAVED_PARAM, req.id);
    q.set(VERSION_PARAM, String(req.version));
  } else q.set(INLINE_PARAM, req.encoded);
  if (dataset) q.set(DATASET_PARAM, dataset);
  return `${base}?${q.toString()}${hash}`;
}
