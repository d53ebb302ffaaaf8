import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Not `treeshake.propertyReadSideEffects: false` (Chart.js 53 → 47 KB gzip): Svelte 5 tracks
  // state through getters, and the bundler then drops reads such as `void version;` in an
  // effect, so the backup page's snapshot list stopped refreshing after an import (backup e2e).
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      registerType: 'prompt',
      // Registration happens in src/lib/state/pwa.svelte.ts; an injected inline script would
      // break the Content-Security-Policy.
      injectRegister: false,
      manifest: {
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
      },
      workbox: {
        globPatterns: [
          'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}',
          'prerendered/**/*.{html,json}',
        ],
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
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
  },
});
