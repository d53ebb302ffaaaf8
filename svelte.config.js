import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The update test (tests/update.e2e.ts) makes a second build into another folder with another
// app directory, so that none of its files has the name of one of the first build's, as after
// a real deploy; every other build uses the defaults.
const out = process.env.TALENTLOOP_BUILD_DIR ?? 'build';
const appDir = process.env.TALENTLOOP_APP_DIR ?? '_app';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Every route is prerendered as an empty shell (the app renders on the client, so it can
    // pick the user's language before painting); 404.html is the fallback that plain static
    // hosts serve for unknown paths, and it boots the same app.
    adapter: adapter({
      pages: out,
      assets: out,
      fallback: '404.html',
      strict: true,
      // The update test's second build is served by sirv without compression: skip the work.
      precompress: out === 'build',
    }),
    appDir,
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // SvelteKit's route announcer carries one fixed style attribute (sveltejs/kit#11993);
        // allow exactly that attribute by its hash, and no other inline style.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
    // Absolute asset paths: the service worker and static hosts serve the app shell for deep
    // links (/a/b/c), where relative paths would point into a folder that does not exist.
    paths: { relative: false },
    // A page's small stylesheets (the app's, its route's, a few components') go into its HTML:
    // each was a render-blocking request of its own before the first paint (Lighthouse: about
    // 0.3 s each on a phone). The CSP above gets their hashes.
    inlineStyleThreshold: 8192,
    version: { pollInterval: 0 },
  },
};

export default config;
