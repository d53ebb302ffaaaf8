import { describe, expect, it } from 'vitest';
import { KPI_CATALOG } from '$lib/domain/catalog';
import { DEFAULT_FOCUS_RULES } from '$lib/domain/focus';
import { enBackup } from './backup-en';
import { nlBackup } from './backup-nl';
import { en } from './en';
import { hasPlural } from './format';
import { enImport } from './import-en';
import { nlImport } from './import-nl';
import { enLoops } from './loops-en';
import { nlLoops } from './loops-nl';
import { enMethod } from './method-en';
import { nlMethod } from './method-nl';
import { nl } from './nl';
import { enPlan } from './plan-en';
import { nlPlan } from './plan-nl';

/**
 * The pass over the words against GLOSSARY.md stays done: one term per concept, no word that
 * reads as something else, and every count with its plural form.
 */
type Catalog = Record<string, string>;
const english: Catalog = { ...en, ...enPlan, ...enLoops, ...enBackup, ...enImport, ...enMethod };
const dutch: Catalog = { ...nl, ...nlPlan, ...nlLoops, ...nlBackup, ...nlImport, ...nlMethod };

/** Every user-facing text of a language: messages, KPI names and descriptions, focus reasons. */
function texts(lang: 'nl' | 'en'): [string, string][] {
  return [
    ...Object.entries(lang === 'nl' ? dutch : english),
    ...KPI_CATALOG.flatMap((k): [string, string][] => [
      [`catalog.${k.key}.name`, k.name[lang]],
      [`catalog.${k.key}.description`, k.description[lang]],
    ]),
    ...Object.entries(DEFAULT_FOCUS_RULES).flatMap(([focus, rules]) =>
      rules.expectedDrop.map((d): [string, string] => [`focus.${focus}.${d.kpi}`, d.reason[lang]]),
    ),
  ];
}

const offending = (lang: 'nl' | 'en', pattern: RegExp) =>
  texts(lang)
    .filter(([, text]) => pattern.test(text))
    .map(([key]) => key);

describe('Dutch words (GLOSSARY.md)', () => {
  it.each([
    ['"aanname" (reads as "assumption"): hire, hires, aangenomen', /aanname/i],
    ['"nulmeting": always "0-meting"', /nulmeting/i],
    ['"branding" on its own: werkgeversmerk, or "employer branding"', /(?<!employer )branding/i],
    ['"opduwen": verbeteren, laten stijgen', /opduwen/i],
    ['"afstemmingsoverleg": maandelijks overleg', /afstemmingsoverleg/i],
    ['"doorlooptijd": time to hire', /doorlooptijd/i],
  ])('has no %s', (_, pattern) => {
    expect(offending('nl', pattern)).toEqual([]);
  });

  it('uses "merkkant" only in a short label, never in a sentence', () => {
    const sentences = texts('nl').filter(
      ([, text]) => /merkkant/i.test(text) && (text.split(/\s+/).length > 3 || /[.:]/.test(text)),
    );
    expect(sentences.map(([key]) => key)).toEqual([]);
  });

  it('writes plurals with the typographic apostrophe, as everywhere else (KPI’s, pagina’s)', () => {
    expect(offending('nl', /\p{L}'s\b/u)).toEqual([]);
  });

  it('has no "aanname" in the example plan either', async () => {
    const source = (await import('../domain/example.ts?raw')).default as string;
    expect(source.match(/.{0,40}aanname.{0,40}/gi) ?? []).toEqual([]);
  });
});

describe('English words (GLOSSARY.md)', () => {
  it.each([
    ['"alignment meeting": monthly (marketing–recruitment) meeting', /alignment meeting/i],
    ['"missed" as a status: not met', /^missed$/i],
    ['"side effect": expected trade-off', /side effect/i],
  ])('has no %s', (_, pattern) => {
    expect(offending('en', pattern)).toEqual([]);
  });
});

describe('one term per concept, in both languages', () => {
  it.each([
    ['nl', dutch],
    ['en', english],
  ] as const)(
    '%s: a KPI with no prediction is called the same in the focus step and the summary',
    (_, m) => {
      expect(m['summary.watched']).toBe(m['focus.effect.none']);
      expect(m['summary.rise']).toBe(m['focus.effect.rise']);
      expect(m['summary.drop']).toBe(m['focus.effect.drop']);
    },
  );

  it('names hires and cost per hire as the glossary does, everywhere they are named', () => {
    const hires = KPI_CATALOG.find((k) => k.key === 'hires')!;
    const costPerHire = KPI_CATALOG.find((k) => k.key === 'costPerHire')!;
    expect(hires.name).toEqual({ nl: 'Hires', en: 'Hires' });
    expect(costPerHire.name).toEqual({ nl: 'Cost per hire', en: 'Cost per hire' });
    expect([dutch['money.costPerHire'], english['money.costPerHire']]).toEqual([
      'Cost per hire',
      'Cost per hire',
    ]);
    expect([dutch['import.series.hires'], english['import.series.hires']]).toEqual([
      'Hires',
      'Hires',
    ]);
  });

  it('says met / not met, on track / at risk / behind, and the three noise answers in the glossary’s words', () => {
    expect([dutch['status.met'], dutch['status.missed']]).toEqual(['gehaald', 'niet gehaald']);
    expect([english['status.met'], english['status.missed']]).toEqual(['met', 'not met']);
    expect(['onTrack', 'atRisk', 'behind'].map((s) => dutch[`pacing.status.${s}`])).toEqual([
      'op koers',
      'risico',
      'achter',
    ]);
    expect(['onTrack', 'atRisk', 'behind'].map((s) => english[`pacing.status.${s}`])).toEqual([
      'on track',
      'at risk',
      'behind',
    ]);
    expect(dutch['noise.probablyReal']).toMatch(/^Waarschijnlijk een echte/);
    expect(dutch['noise.couldBeChance']).toBe('Kan toeval zijn');
    expect(dutch['noise.tooLittleData']).toMatch(/^Te weinig gegevens/);
    expect(english['noise.probablyReal']).toMatch(/^Probably a real/);
    expect(english['noise.couldBeChance']).toBe('Could be chance');
    expect(english['noise.tooLittleData']).toMatch(/^Too little data/);
    expect([dutch['flag.expectedTradeOff'], english['flag.expectedTradeOff']]).toEqual([
      'Verwacht bijeffect',
      'Expected trade-off',
    ]);
  });

  it('calls the channel of numbers typed by hand or imported without one "Handmatig" / "Manual"', () => {
    expect([dutch['channels.unnamed'], english['channels.unnamed']]).toEqual([
      'Handmatig',
      'Manual',
    ]);
    for (const key of ['grid.channel.none', 'grid.channel.typed', 'import.channel.manual'])
      expect([
        key,
        dutch[key]?.startsWith('Handmatig'),
        english[key]?.startsWith('Manual'),
      ]).toEqual([key, true, true]);
    expect(dutch['channels.explain']).toContain('‘Handmatig’');
    expect(english['channels.explain']).toContain('“Manual”');
  });

  it('calls the measurement before loop 1 "0-meting" / "baseline" wherever it is named', () => {
    for (const key of ['wizard.baseline.title', 'chart.baseline', 'import.preview.baseline'])
      expect([key, dutch[key]]).toEqual([key, '0-meting']);
    for (const key of ['wizard.baseline.title', 'chart.baseline', 'import.preview.baseline'])
      expect([key, english[key]]).toEqual([key, 'Baseline']);
  });
});

/** A message with its plural choices left out: what remains shows bare counts only. */
function withoutPlurals(text: string): string {
  let out = text;
  for (
    let m = /\{\s*\w+\s*,\s*plural\s*,/.exec(out);
    m;
    m = /\{\s*\w+\s*,\s*plural\s*,/.exec(out)
  ) {
    let depth = 0;
    let end = m.index;
    for (; end < out.length; end++) {
      if (out[end] === '{') depth++;
      else if (out[end] === '}' && --depth === 0) break;
    }
    out = `${out.slice(0, m.index)}#${out.slice(end + 1)}`;
  }
  return out;
}

/** Plural nouns that must not follow a bare count: "1 loops", "1 dagen". */
const PLURAL_NOUNS = {
  nl: "loops|dagen|weken|maanden|waarden|cellen|cijfers|plannen|rijen|tekens|hires|sollicitaties|KPI[’']s",
  en: 'loops|days|weeks|months|values|cells|numbers|plans|rows|characters|hires|applications|KPIs|times',
};

describe('counts with plural forms', () => {
  it.each([
    ['nl', dutch],
    ['en', english],
  ] as const)(
    '%s: every "{count} nouns" chooses its form by the plural rules',
    (lang, messages) => {
      // A bare placeholder, at most one word (an adjective: "eerdere", "finer"), a plural noun.
      const bare = new RegExp(
        `\\{(\\w+)\\}\\s+(?:[\\p{L}-]+\\s+)?(?:${PLURAL_NOUNS[lang]})\\b`,
        'u',
      );
      const bad = Object.entries(messages)
        .filter(([key, text]) => {
          if (!bare.test(withoutPlurals(text))) return false;
          // The older pattern: a key with a ".one" sibling for exactly one.
          const base = key.replace(/\.other$/, '');
          return !(`${base}.one` in messages);
        })
        .map(([key]) => key);
      expect(bad).toEqual([]);
    },
  );

  it('the same message chooses a plural form for the same count in both languages', () => {
    const names = (text: string) =>
      [...text.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((m) => m[1]!).sort();
    const differ = Object.keys(english).filter((key) => {
      const a = names(english[key]!);
      const b = names(dutch[key]!);
      // Dutch "keer" does not change ("1 keer", "3 keer"); English "once" / "3 times" does.
      return (
        a.some((n) => !b.includes(n) && !/\{\w+\} keer/.test(dutch[key]!)) ||
        b.some((n) => !a.includes(n))
      );
    });
    expect(differ).toEqual([]);
  });

  it('finds the plural in a message that has one', () => {
    expect(hasPlural(dutch['trend.rising']!, 'n')).toBe(true);
    expect(hasPlural(english['backup.preview.summary']!, 'loops')).toBe(true);
  });
});
