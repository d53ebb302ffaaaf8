import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openExample } from './pages/plan';

test.describe('hovering a link (English)', () => {
  test.use({ locale: 'en-GB' });

  test('to another loop leaves the page on view as it is', async ({ page }) => {
    const id = await openExample(page, 'Try with example data');
    await page.goto(`/loops/dashboard?id=${id}&loop=2`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 2: results');
    // A data preload opened loop 3 in the plan session, and this page showed "Loading…".
    await page.getByRole('link', { name: 'Loop 3 →' }).hover();
    await page.waitForTimeout(500); // SvelteKit preloads after a short hover
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 2: results');
    await page.getByRole('link', { name: 'Loop 3 →' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 3: results');
    await page.getByRole('link', { name: 'Loop 4 →' }).hover();
    await page.waitForTimeout(500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loop 3: results');
  });
});

/** Every prerendered page of the build, as its path under build/. */
function builtPages(dir = 'build'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '_app' ? [] : builtPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/**
 * The files a built module imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`), as paths under build/; dynamic `import("…")` calls are not.
 */
function staticImports(file: string): string[] {
  const code = readFileSync(`build/${file}`, 'utf8');
  const folder = file.slice(0, file.lastIndexOf('/'));
  return [
    ...code.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g),
  ].map((match) => new URL(match[1]!, `http://x/${folder}/`).pathname.slice(1));
}

// Read from the built files themselves: the bundler's manifest lives in .svelte-kit, which the
// update test's second build rewrites while the suite runs.
test('every file a page’s code imports is preloaded by its HTML, not asked for a round trip later', () => {
  const pages = builtPages();
  expect(pages).toContain('build/loops/dashboard.html');
  for (const html of pages) {
    const preloaded = new Set(
      [...readFileSync(html, 'utf8').matchAll(/<link href="\/([^"]+)" rel="modulepreload">/g)].map(
        (match) => match[1]!,
      ),
    );
    const missing = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imported of staticImports(file)) {
        if (!preloaded.has(imported)) missing.add(imported);
        walk(imported);
      }
    };
    const nodes = [...preloaded].filter((file) => file.includes('/nodes/'));
    expect(nodes.length, html).toBeGreaterThan(0);
    for (const file of nodes) walk(file);
    // The walk reached the shared chunks (an import pattern the regex missed would pass quietly).
    expect(seen.size, html).toBeGreaterThan(nodes.length);
    expect([...missing], html).toEqual([]);
  }
});
