/**
 * Fails (exit 1) when the value-import graph of `src` has a cycle, and prints each cycle.
 *
 *   node scripts/check-cycles.js [root]      (root defaults to src; `$lib` is root/lib)
 *
 * Counted: static `import … from`, side-effect `import '…'` and `export … from` of files
 * under the root, resolved the way Vite and SvelteKit do for this app (`$lib/…`, relative
 * paths, `.ts`/`.js`, `x.svelte` → `x.svelte.ts`, folders → `index.ts`, `?worker` and other
 * query suffixes dropped). Not counted: `import type` / `export type` (erased), dynamic
 * `import()` (loaded later, on demand), and packages. An import whose names are all inline
 * types (`import { type A } from`) still counts: with `verbatimModuleSyntax` it stays in the
 * output as `import {} from`, so the module is still loaded.
 *
 * Before it looks at `src`, it checks itself on the fixtures in scripts/fixtures/cycles/
 * (a checker that stopped finding cycles would otherwise pass quietly); exit 2 if that fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(?:ts|js|svelte)$/;
const SKIP_DIRS = new Set(['node_modules', '.svelte-kit']);

/**
 * Every source file under `dir`, as absolute paths.
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(path));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * The script blocks of a Svelte component (instance and module), or the file itself.
 * @param {string} path
 * @param {string} text
 */
function scripts(path, text) {
  if (!path.endsWith('.svelte')) return [text];
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
}

/**
 * Whether an import or export declaration loads its module when the code runs.
 * @param {ts.ImportDeclaration | ts.ExportDeclaration} node
 */
function loadsModule(node) {
  if (ts.isImportDeclaration(node)) return !node.importClause?.isTypeOnly;
  return !node.isTypeOnly;
}

/**
 * The specifiers of the value imports and re-exports in `text`.
 * @param {string} path
 * @param {string} text
 */
export function valueImports(path, text) {
  /** @type {string[]} */
  const specifiers = [];
  for (const code of scripts(path, text)) {
    const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
      const spec = node.moduleSpecifier;
      if (spec && ts.isStringLiteral(spec) && loadsModule(node)) specifiers.push(spec.text);
    }
  }
  return specifiers;
}

/** @param {string} path */
const isFile = (path) => existsSync(path) && statSync(path).isFile();

/**
 * The file a specifier names, or null for packages, virtual modules and unknown paths.
 * @param {string} specifier
 * @param {string} fromFile
 * @param {string} root
 */
export function resolveImport(specifier, fromFile, root) {
  const bare = specifier.replace(/[?#].*$/, '');
  let base;
  if (bare === '$lib' || bare.startsWith('$lib/')) base = join(root, 'lib', bare.slice(5));
  else if (bare.startsWith('./') || bare.startsWith('../')) base = resolve(dirname(fromFile), bare);
  else return null;
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.js`,
    join(base, 'index.ts'),
    join(base, 'index.js'),
    base.replace(/\.js$/, '.ts'),
  ];
  return candidates.find(isFile) ?? null;
}

/** @typedef {Map<string, Set<string>>} Graph file → the files it imports (absolute paths) */

/**
 * The value-import graph of the files under `dir`, and the imports of files that are missing.
 * @param {string} dir
 */
export function importGraph(dir) {
  const root = resolve(dir);
  /** @type {Graph} */
  const graph = new Map();
  /** @type {{ file: string, specifier: string }[]} */
  const unresolved = [];
  for (const file of sourceFiles(root)) {
    /** @type {Set<string>} */
    const edges = new Set();
    for (const specifier of valueImports(file, readFileSync(file, 'utf8'))) {
      const target = resolveImport(specifier, file, root);
      if (target) edges.add(target);
      else if (/^(?:\$lib(?:\/|$)|\.\.?\/)/.test(specifier)) unresolved.push({ file, specifier });
    }
    graph.set(file, edges);
  }
  return { graph, unresolved };
}

/**
 * The strongly connected components with a cycle (Tarjan's algorithm, iterative so a deep
 * import chain cannot overflow the stack), each as a list of files.
 * @param {Graph} graph
 */
function cyclicComponents(graph) {
  let next = 0;
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {Set<string>} */
  const onStack = new Set();
  /** @type {string[]} */
  const stack = [];
  /** @type {string[][]} */
  const found = [];
  /** @param {string} node @param {number} value */
  const lower = (node, value) => low.set(node, Math.min(low.get(node) ?? value, value));
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    return { node, edges: [...(graph.get(node) ?? [])], i: 0 };
  };
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [visit(start)];
    for (let frame = work.at(-1); frame; frame = work.at(-1)) {
      const to = frame.edges[frame.i++];
      if (to !== undefined) {
        if (!graph.has(to)) continue;
        if (!index.has(to)) work.push(visit(to));
        else if (onStack.has(to)) lower(frame.node, index.get(to) ?? 0);
        continue;
      }
      work.pop();
      const own = low.get(frame.node) ?? 0;
      const parent = work.at(-1);
      if (parent) lower(parent.node, own);
      if (own !== index.get(frame.node)) continue;
      /** @type {string[]} */
      const component = [];
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || graph.get(frame.node)?.has(frame.node)) found.push(component);
    }
  }
  return found;
}

/**
 * One shortest cycle through the first file (in path order) of a cyclic component.
 * @param {string[]} component
 * @param {Graph} graph
 * @returns {string[]}
 */
function cycleIn(component, graph) {
  const members = new Set(component);
  const start = /** @type {string} */ ([...component].sort()[0]);
  /** @type {Map<string, string>} */
  const previous = new Map([[start, start]]);
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = /** @type {string} */ (previous.get(at)))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/**
 * The import cycles of `root`: one cycle per group of files that import each other (a group
 * can hold more cycles; breaking the one shown and running again finds the next), with paths
 * relative to `base`, sorted.
 * @param {string} root
 * @param {string} [base]
 */
export function findCycles(root, base = root) {
  const { graph, unresolved } = importGraph(root);
  const from = resolve(base);
  const cycles = cyclicComponents(graph)
    .map((component) => ({
      files: component.length,
      cycle: cycleIn(component, graph).map((file) => relative(from, file)),
    }))
    .sort((a, b) => String(a.cycle[0]).localeCompare(String(b.cycle[0])));
  return {
    cycles,
    unresolved: unresolved.map(({ file, specifier }) => `${relative(from, file)}: ${specifier}`),
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/** The checker on its fixtures: each folder's expected cycles (paths relative to the folder). */
const SELF_TEST = {
  // a.ts → b.ts (relative) → a.ts (through $lib).
  cyclic: [['lib/a.ts', 'lib/b.ts', 'lib/a.ts']],
  // b.ts refers back to a.ts only by `import type` and a dynamic import().
  acyclic: [],
  // A component, its .svelte.ts state (imported as `./state.svelte`) and a folder's index.ts.
  svelte: [['lib/View.svelte', 'lib/state.svelte.ts', 'lib/parts/index.ts', 'lib/View.svelte']],
};

/** The fixtures whose cycles differ from SELF_TEST's, described (none when the checker works). */
export function selfTest() {
  /** @type {string[]} */
  const failures = [];
  for (const [name, expected] of Object.entries(SELF_TEST)) {
    const root = join(here, 'fixtures', 'cycles', name);
    const { cycles, unresolved } = findCycles(root);
    const got = JSON.stringify(cycles.map((c) => c.cycle));
    if (got !== JSON.stringify(expected) || unresolved.length)
      failures.push(`${name}: expected ${JSON.stringify(expected)}, got ${got} ${unresolved}`);
  }
  return failures;
}

function main() {
  const failures = selfTest();
  if (failures.length) {
    console.error('check-cycles: the self-test on scripts/fixtures/cycles failed:');
    for (const failure of failures) console.error(`  ${failure}`);
    process.exit(2);
  }
  const repo = resolve(here, '..');
  const root = resolve(repo, process.argv[2] ?? 'src');
  const { cycles, unresolved } = findCycles(root, repo);
  for (const line of unresolved) console.warn(`check-cycles: cannot resolve ${line}`);
  if (!cycles.length) {
    console.log(`check-cycles: no import cycles in ${relative(repo, root) || '.'}`);
    return;
  }
  console.error(
    `check-cycles: ${cycles.length} import cycle(s) in ${relative(repo, root)} ` +
      '(value imports; `import type` and import() do not count):',
  );
  for (const { cycle, files } of cycles) {
    const more = files > cycle.length - 1 ? ` (${files} files import each other)` : '';
    console.error(`  ${cycle.join(' → ')}${more}`);
  }
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
