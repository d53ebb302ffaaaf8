import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * Layer rules (DESIGN.md, "The shape of the app"): what each folder must not import. A pattern
 * for a folder of src/lib matches `$lib/<folder>/…` and relative paths into it
 * (`../storage/db`, `../../lib/storage/db`). Static imports and re-exports are checked by
 * @typescript-eslint/no-restricted-imports, which can let `import type` through; a dynamic
 * `import()` always loads the module, so it is checked (by no-restricted-syntax) as a value.
 */
/** @param {string} folder */
const libFolder = (folder) => String.raw`^(?:\$lib/|(?:\.\.?/)+(?:lib/)?)${folder}(?:/|$)`;
const targets = {
  svelte: { regex: String.raw`^svelte(?:/|$)|\.svelte(?:\.[jt]s)?$`, what: 'Svelte' },
  dexie: { regex: String.raw`^dexie(?:/|$)`, what: 'Dexie' },
  app: { regex: String.raw`^\$app(?:/|$)`, what: '$app/*' },
  storage: { regex: libFolder('storage'), what: '$lib/storage/*' },
  state: { regex: libFolder('state'), what: '$lib/state/*' },
  components: { regex: libFolder('components'), what: '$lib/components/*' },
  i18n: { regex: libFolder('i18n'), what: '$lib/i18n/*' },
};

/**
 * One layer's rules: `files` must not import any of `forbidden`, nor of `typesOnly` except
 * with `import type` (the reason is the layer's `why`).
 * @param {string[]} files
 * @param {string} why
 * @param {(keyof typeof targets)[]} forbidden
 * @param {(keyof typeof targets)[]} [typesOnly]
 * @returns {import('eslint').Linter.Config}
 */
function layer(files, why, forbidden, typesOnly = []) {
  /** @param {keyof typeof targets} name @param {boolean} allowTypeImports */
  const pattern = (name, allowTypeImports) => ({
    regex: targets[name].regex,
    message: `${targets[name].what}${allowTypeImports ? ' only as `import type`' : ''}: ${why}`,
    ...(allowTypeImports ? { allowTypeImports: true } : {}),
  });
  /** @param {keyof typeof targets} name */
  const dynamic = (name) => ({
    selector: `ImportExpression[source.value=/${targets[name].regex.replaceAll('/', '\\/')}/i]`,
    message: `No import() of ${targets[name].what}: ${why}`,
  });
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((name) => pattern(name, false)),
            ...typesOnly.map((name) => pattern(name, true)),
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...[...forbidden, ...typesOnly].map(dynamic)],
    },
  };
}

export default ts.config(
  {
    ignores: [
      '.scratch/',
      'build/',
      '.svelte-kit/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      'dev-dist/',
      // Sample sources for scripts/check-cycles.js (outside the tsconfig on purpose).
      'scripts/fixtures/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'svelte/no-at-html-tags': 'error',
      // Plan and wizard URLs carry their ids in the query (the routes are static) and are built
      // by components/wizard/links.ts, which resolves every path; the rule cannot see that.
      'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true, ignoreGoto: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  layer(
    ['src/lib/domain/**'],
    'domain/ is pure TypeScript, testable without a browser or a database.',
    ['svelte', 'dexie', 'app', 'storage', 'state', 'components', 'i18n'],
  ),
  layer(
    ['src/lib/schema/**'],
    'schema/ says what valid data is; it knows no storage, UI state or views.',
    ['svelte', 'dexie', 'storage', 'state', 'components'],
  ),
  layer(
    ['src/lib/backup/**'],
    'backup/ is pure (format, check, upgrade); storage/backup-repo.ts does the writing.',
    ['storage', 'state', 'components'],
  ),
  layer(
    ['src/lib/i18n/**'],
    'i18n/ turns data into text; it reads no storage and renders no components.',
    ['storage', 'components'],
  ),
  layer(
    ['src/lib/components/**', 'src/routes/**'],
    'views reach the database through state/ (feature state and the plan session), never directly.',
    ['dexie'],
    ['storage'],
  ),
  layer(
    ['src/lib/storage/**'],
    'storage/ is below the UI: it knows no UI state, components or SvelteKit.',
    ['state', 'components', 'app'],
  ),
  {
    // Playwright fixtures must destructure their argument, even when they need nothing.
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
