import { describe, expect, it } from 'vitest';
import { en } from './en';
import { placeholders } from './format';
import { nl } from './nl';
import { enBackup } from './backup-en';
import { enImport } from './import-en';
import { nlImport } from './import-nl';
import { nlBackup } from './backup-nl';
import { enLoops } from './loops-en';
import { nlLoops } from './loops-nl';
import { enMethod } from './method-en';
import { nlMethod } from './method-nl';
import { enPlan } from './plan-en';
import { nlPlan } from './plan-nl';

const catalogs = { en, nl } as Record<string, Record<string, string>>;

const namespaces = {
  plan: { en: enPlan, nl: nlPlan },
  loops: { en: enLoops, nl: nlLoops },
  backup: { en: enBackup, nl: nlBackup },
  import: { en: enImport, nl: nlImport },
  method: { en: enMethod, nl: nlMethod },
} as Record<string, Record<'en' | 'nl', Record<string, string>>>;

for (const [name, { en: english, nl: dutch }] of Object.entries(namespaces)) {
  describe(`${name} namespace`, () => {
    it('has exactly the same keys in Dutch and English', () => {
      expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
    });

    it('shares no key with another namespace (one would silently hide the other)', () => {
      const others = [
        en,
        ...Object.entries(namespaces)
          .filter(([n]) => n !== name)
          .map(([, c]) => c.en),
      ];
      expect(Object.keys(english).filter((key) => others.some((o) => key in o))).toEqual([]);
    });

    it('has no empty message, and the same placeholders in both languages', () => {
      const bad = Object.keys(english).filter(
        (key) =>
          !dutch[key]?.trim() ||
          !english[key]?.trim() ||
          placeholders(dutch[key] ?? '').join() !== placeholders(english[key] ?? '').join(),
      );
      expect(bad).toEqual([]);
    });
  });
}

describe('every namespace together', () => {
  it('has a message for every key the components use by name', async () => {
    const sources = import.meta.glob(
      ['../../lib/components/**/*.svelte', '../../routes/**/*.svelte'],
      { query: '?raw', import: 'default' },
    );
    const all = { ...en, ...enPlan, ...enLoops, ...enBackup, ...enImport, ...enMethod } as Record<
      string,
      string
    >;
    const missing: string[] = [];
    for (const load of Object.values(sources)) {
      const text = (await load()) as string;
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'/g))
        if (!(match[1]! in all)) missing.push(match[1]!);
    }
    expect(missing).toEqual([]);
  });
});

describe('message catalogs', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  for (const [lang, messages] of Object.entries(catalogs)) {
    it(`has no missing or empty message in ${lang}`, () => {
      const empty = Object.keys(en).filter((key) => !messages[key]?.trim());
      expect(empty).toEqual([]);
    });
  }

  it('use the same placeholders in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (key) =>
        placeholders(en[key as keyof typeof en]).join() !==
        placeholders(nl[key as keyof typeof nl]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('translate every custom validation message the schemas use', async () => {
    const sources = import.meta.glob('../schema/*.ts', { query: '?raw', import: 'default' });
    const keys = new Set<string>();
    for (const load of Object.values(sources)) {
      const text = (await load()) as string;
      for (const match of text.matchAll(/(?:message|error): '([\w.]+)'/g)) keys.add(match[1] ?? '');
    }
    expect(keys.size).toBeGreaterThan(0);
    expect([...keys].filter((key) => !(key in en))).toEqual([]);
  });
});

describe('domain errors', () => {
  it('every error code the domain can return has a message in both languages', async () => {
    const source = (await import('../domain/result.ts?raw')).default as string;
    const union = source.slice(
      source.indexOf('DomainErrorCode ='),
      source.indexOf(';', source.indexOf('DomainErrorCode =')),
    );
    const codes = [...union.matchAll(/'(\w+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    const missing = codes.filter(
      (code) => !(`domain.error.${code}` in en) || !(`domain.error.${code}` in nl),
    );
    expect(missing).toEqual([]);
  });
});
