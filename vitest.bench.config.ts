import { defineConfig } from 'vitest/config';

// The domain is plain TypeScript: no SvelteKit plugin needed to benchmark it.
export default defineConfig({
  resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
  test: { include: [], benchmark: { include: ['bench/**/*.bench.ts'] } },
});
