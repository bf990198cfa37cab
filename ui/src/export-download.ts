/**
 * Saving a file from the browser: a temporary object URL on an <a download>, clicked and
 * revoked. File names say what is in them and are safe on Windows, macOS and Linux.
 */

/** "Basis (RES 1.0 indicatief)" → "basis-res-1-0-indicatief": a file-name part without accents or punctuation. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

/** "<scenario>-<what>.<ext>", e.g. "netbewust-resultaten-per-regio.csv". */
export function exportFileName(scenarioName: string, what: string, ext: string): string {
  return `${fileSlug(scenarioName)}-${fileSlug(what)}.${ext}`;
}

/** Offers `blob` to the user as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Offers text (CSV, JSON) as a UTF-8 download. */
export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
}
