import { describe, expect, it } from 'vitest';
import { en } from './en';
import { placeholders } from './format';
import { nl } from './nl';
import { enPlan } from './plan-en';
import { nlPlan } from './plan-nl';

const catalogs = { en, nl } as Record<string, Record<string, string>>;

describe('plan namespace', () => {
  const planCatalogs = { en: enPlan, nl: nlPlan } as Record<string, Record<string, string>>;

  it('has exactly the same keys in Dutch and English', () => {
    expect(Object.keys(nlPlan).sort()).toEqual(Object.keys(enPlan).sort());
  });

  it('shares no key with the core namespace (one would silently hide the other)', () => {
    expect(Object.keys(enPlan).filter((key) => key in en)).toEqual([]);
  });

  for (const [lang, messages] of Object.entries(planCatalogs)) {
    it(`has no empty message in ${lang}, and the same placeholders as English`, () => {
      const bad = Object.keys(enPlan).filter(
        (key) =>
          !messages[key]?.trim() ||
          placeholders(messages[key] ?? '').join() !==
            placeholders(enPlan[key as keyof typeof enPlan]).join(),
      );
      expect(bad).toEqual([]);
    });
  }

  it('has a message for every key the components build from parts', async () => {
    const sources = import.meta.glob(
      ['../../lib/components/**/*.svelte', '../../routes/**/*.svelte'],
      {
        query: '?raw',
        import: 'default',
      },
    );
    const all = { ...en, ...enPlan } as Record<string, string>;
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
