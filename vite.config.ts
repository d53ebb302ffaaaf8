import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { preloadOrder } from './scripts/preload-order.js';

/**
 * Two shared chunks instead of dozens of small ones: a phone on a slow network waits a round
 * trip for every few files (the dashboard loaded 61 files, now 30). `core` holds what the app
 * shell and the first page import, `pages` what the other pages share. Only static imports
 * count, so code loaded on demand (charts, imports, backups, the write code) keeps its own
 * chunks. Measured with Lighthouse (mobile, 5 runs each, same machine and hour): dashboard
 * median 0.68 → 0.72, wizard 0.72 → 0.78, first page 0.83 → 0.89 — gains within this
 * machine's hour-to-hour noise; first page JavaScript 71.5 → 64.9 KB gzip. One shared chunk
 * for everything gave the dashboard 0.78 and LCP −0.6 s but put 95 KB gzip on the first page,
 * over its 80 KB budget. SvelteKit preloads `pages` with the pages that import it only
 * because `preloadOrder` lists it before `core` (scripts/preload-order.js).
 */
const ENTRY = /[\\/]src[\\/]routes[\\/]/;
const SHELL = /[\\/]src[\\/]routes[\\/](\+layout\.(svelte|ts)|\+page\.svelte)$/;
/** Per chunking pass: the shared chunk a module belongs to (null: leave it to the bundler). */
const reach = new WeakMap<object, Map<string, 'core' | 'pages' | null>>();
function sharedChunk(
  id: string,
  ctx: { getModuleInfo(id: string): { importers: readonly string[] } | null },
): 'core' | 'pages' | null {
  let memo = reach.get(ctx);
  if (!memo) reach.set(ctx, (memo = new Map()));
  const visit = (at: string, seen: Set<string>): 'core' | 'pages' | null => {
    const known = memo.get(at);
    if (known !== undefined) return known;
    if (seen.has(at)) return null;
    seen.add(at);
    if (SHELL.test(at)) return 'core';
    let found: 'core' | 'pages' | null = ENTRY.test(at) ? 'pages' : null;
    for (const importer of ctx.getModuleInfo(at)?.importers ?? []) {
      const up = visit(importer, seen);
      if (up === 'core') {
        found = 'core';
        break;
      }
      if (up === 'pages') found = 'pages';
    }
    return found;
  };
  const found = visit(id, new Set());
  memo.set(id, found);
  return ENTRY.test(id) ? null : found;
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: sharedChunk, debugName: 'core or pages', minShareCount: 2 }],
        },
      },
    },
  },
  // Not `treeshake.propertyReadSideEffects: false` (Chart.js 53 → 47 KB gzip): Svelte 5 tracks
  // state through getters, and the bundler then drops reads such as `void version;` in an
  // effect, so the backup page's snapshot list stopped refreshing after an import (backup e2e).
  plugins: [
    sveltekit(),
    preloadOrder(),
    SvelteKitPWA({
      registerType: 'prompt',
      // Registration happens in src/lib/state/pwa.svelte.ts; an injected inline script would
      // break the Content-Security-Policy.
      injectRegister: false,
      manifest: {
        // The identity of the installed app: the start URL it always had, so installs keep it.
        id: '/',
        name: 'Talentloop',
        short_name: 'Talentloop',
        description:
          'Measure recruitment marketing and employer branding in learning loops — offline, on your device.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f7f4',
        theme_color: '#1f5f5b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        // The installed app opens backup files (Open with… Talentloop, or a double click where
        // it is the default) straight into the restore preview of the backup page.
        file_handlers: [{ action: '/backup', accept: { 'application/json': ['.json'] } }],
        // A file or shortcut opened while the app is open goes to that window, which shows it
        // without a reload (src/lib/state/launch-queue.ts): unsaved typing is not lost.
        launch_handler: { client_mode: ['focus-existing', 'auto'] },
        shortcuts: [
          {
            name: 'Enter numbers',
            short_name: 'Numbers',
            description: 'The numbers of the plan you changed last',
            url: '/numbers',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
          {
            name: 'Backup',
            short_name: 'Backup',
            description: 'Save a backup file, or restore one',
            url: '/backup',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // Shown by the browser's install dialog; made with the example plan by
        // scripts/manifest-screenshots.js.
        screenshots: [
          {
            src: '/screenshots/loop-narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'A learning loop: its strategy, campaigns and insights',
          },
          {
            src: '/screenshots/dashboard-wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'The results of a loop against the previous one, each said with how sure it is',
          },
        ],
      },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}',
          'prerendered/**/*.{html,json}',
        ],
        // Only the install dialog shows the screenshots: not worth precaching on every device.
        globIgnores: ['client/screenshots/**'],
        // Any navigation the precache does not know (a deep link, a later route) boots the app
        // shell; the client router then renders the right page or its not-found state.
        navigateFallback: '/',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
      // The app directory follows svelte.config.js (another one only for the update test).
      kit: { adapterFallback: '404.html', appDir: `${process.env.TALENTLOOP_APP_DIR ?? '_app'}/` },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
    // Worker threads start faster than child processes (44 s instead of 55 s for the suite on
    // two cores); a spec that sets the process's time zone needs a process of its own.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts'],
          exclude: ['src/lib/state/today.spec.ts'],
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: { name: 'time zone', include: ['src/lib/state/today.spec.ts'], pool: 'forks' },
      },
    ],
  },
});
