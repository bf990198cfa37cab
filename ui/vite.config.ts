/**
 * Vite build of the web UI. The root is this folder so that `index.html` sits at the top of
 * `dist/ui`, which the server serves at `/`. In dev (`npm run dev:ui`) the API is proxied to
 * the server on its default port, so the UI code always calls same-origin `/api/...`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs keep the build usable behind a path prefix (e.g. a reverse proxy).
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // apache-arrow alone is ~220 KB; one bundle is fine for an intranet tool.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8035' },
  },
});
