// Orders the bundler's manifest so that SvelteKit preloads every file a page imports.
//
// SvelteKit writes a page's `<link rel="modulepreload">` list by walking the client manifest
// depth first from the page's nodes: static imports are preloaded, dynamic imports are walked
// for their styles only, and a file is walked once. A route node imports the shared chunks
// `core` and `pages` (vite.config.ts); `core` was walked first, its dynamic imports (the plan
// list's example and admin code) reach `pages`, which was then marked as seen without being
// preloaded — and the dashboard asked for `pages` one round trip late (Lighthouse mobile: LCP
// 3.1–3.3 s; with the preload 2.7 s). Listing each chunk's imports with importers first
// (`pages` imports `core`, so it comes before it) lets the walk meet every static import through
// static imports first. tests/preload.e2e.ts checks the outcome on the built pages.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ file: string, imports?: string[], dynamicImports?: string[] }} ManifestChunk */

/**
 * The manifest with each chunk's static imports listed importers first (a chunk before the
 * chunks it imports, directly or not); otherwise in their order. Changes nothing else.
 * @param {Record<string, ManifestChunk>} manifest
 * @returns {Record<string, ManifestChunk>}
 */
export function importersFirst(manifest) {
  /** @type {Map<string, Set<string>>} */
  const closures = new Map();
  /** @param {string} key @returns {Set<string>} the chunks `key` imports statically, at any depth */
  const closure = (key) => {
    let found = closures.get(key);
    if (found) return found;
    found = new Set();
    closures.set(key, found);
    for (const next of manifest[key]?.imports ?? []) {
      found.add(next);
      for (const deeper of closure(next)) found.add(deeper);
    }
    return found;
  };
  /** @type {Record<string, ManifestChunk>} */
  const ordered = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.imports?.length) {
      ordered[key] = chunk;
      continue;
    }
    const left = [...chunk.imports];
    /** @type {string[]} */
    const imports = [];
    while (left.length) {
      // The first one that no other remaining import reaches (a cycle: just the first one).
      const at = left.findIndex((a) => !left.some((b) => b !== a && closure(b).has(a)));
      imports.push(...left.splice(Math.max(0, at), 1));
    }
    ordered[key] = { ...chunk, imports };
  }
  return ordered;
}

/**
 * The Vite plugin: rewrites `.vite/manifest.json` after each build has written it (SvelteKit
 * reads it from disk afterwards).
 * @returns {import('vite').Plugin}
 */
export function preloadOrder() {
  return {
    name: 'talentloop:preload-order',
    apply: 'build',
    writeBundle(options) {
      const file = join(options.dir ?? '', '.vite', 'manifest.json');
      if (!options.dir || !existsSync(file)) return;
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify(importersFirst(manifest), null, 2));
    },
  };
}
