// Serves the production build (build/) the way a plain static host would: prerendered pages
// by clean URL, long-lived caching for hashed assets, and the app shell (404.html) for any
// unknown path so deep links boot the app. Usage: node scripts/serve.js [--port 4173]
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import sirv from 'sirv';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > -1 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));
const host = process.env.HOST ?? '127.0.0.1';
const root = new URL('../build/', import.meta.url).pathname;

if (!existsSync(root)) {
  console.error('No build/ folder: run `npm run build` first (or `npm start`, which does both).');
  process.exit(1);
}

/**
 * The headers of `_headers` (the static hosts' format) for every path: this app's file has one
 * block, `/*`, so each "Name: value" line under it applies to every response.
 * @param {string} file
 * @returns {[string, string][]}
 */
function readHeaders(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^\s+\S/.test(line) && !line.trim().startsWith('#'))
    .map((line) => {
      const at = line.indexOf(':');
      return /** @type {[string, string]} */ ([
        line.slice(0, at).trim(),
        line.slice(at + 1).trim(),
      ]);
    });
}
const hostHeaders = readHeaders(`${root}_headers`);

const serve = sirv(root, {
  extensions: ['html'],
  single: '404.html',
  dev: false,
  // Serve the .br/.gz files the build wrote next to each asset, as a real static host would.
  brotli: true,
  gzip: true,
  etag: true,
  setHeaders(res, pathname) {
    if (pathname.startsWith('/_app/immutable/')) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    } else {
      // HTML, the service worker and the manifest must be revalidated to see new versions.
      res.setHeader('Cache-Control', 'no-cache');
    }
    for (const [name, value] of hostHeaders) res.setHeader(name, value);
  },
});

createServer((req, res) => serve(req, res)).listen(port, host, () => {
  console.log(`Talentloop is served on http://localhost:${port}`);
});
