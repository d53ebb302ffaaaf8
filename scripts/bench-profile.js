// The browser profiles the IndexedDB figures of `npm run bench` are measured in: on disk, as a
// user's browser keeps its data, not in an incognito context, which keeps IndexedDB in memory
// and made reads and writes look about twice as fast as real profiles (issue 17).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.js';

/**
 * Opens browser contexts as `browser.newContext` does, each in a new profile folder on disk
 * that is removed when the context is closed.
 * @param {string} executablePath
 * @returns {{ newContext(options?: import('@playwright/test').BrowserContextOptions): Promise<import('@playwright/test').BrowserContext> }}
 */
export function onDiskProfiles(executablePath) {
  return {
    async newContext(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'talentloop-bench-profile-'));
      const context = await chromium.launchPersistentContext(dir, {
        ...options,
        executablePath,
        args: CHROMIUM_ARGS,
      });
      // Removed once the browser has written its last file there.
      const close = context.close.bind(context);
      context.close = async (closeOptions) => {
        await close(closeOptions);
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      };
      return context;
    },
  };
}
