import { describe, expect, it } from 'vitest';
import { kpiSchema } from '$lib/schema';
import { catalogKpi, customKind, definitionOf, isComputed, KPI_CATALOG, partsOf } from './catalog';

describe('KPI catalog', () => {
  it('has unique keys and both languages for every name and explanation', () => {
    const keys = KPI_CATALOG.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const kpi of KPI_CATALOG) {
      for (const text of [kpi.name.nl, kpi.name.en, kpi.description.nl, kpi.description.en])
        expect(text.trim()).not.toBe('');
    }
  });

  it('covers the four pillars, the recruitment side and the brand side of PRODUCT.md', () => {
    const pillars = new Set(KPI_CATALOG.map((k) => k.pillar));
    expect([...pillars].sort()).toEqual([
      'brand',
      'conversion',
      'reach',
      'recruitment',
      'talentPool',
      'traffic',
    ]);
    for (const key of [
      'impressions',
      'frequency',
      'timeOnSite',
      'scrollDepth',
      'hires',
      'costPerHire',
      'timeToHire',
      'brandAwareness',
      'brandPreference',
      'applicationQuality',
      'talentPool6to15',
    ])
      expect(catalogKpi(key).ok, key).toBe(true);
  });

  it('forms cost per hire and application rate from KPIs that exist in the catalog', () => {
    for (const kpi of KPI_CATALOG.filter((k) => k.aggregation.kind === 'ratio')) {
      if (kpi.aggregation.kind !== 'ratio') continue;
      expect(catalogKpi(kpi.aggregation.numerator).ok).toBe(true);
      expect(catalogKpi(kpi.aggregation.denominator).ok).toBe(true);
    }
    expect(catalogKpi('costPerHire')).toMatchObject({
      ok: true,
      value: { direction: 'lower', unit: 'currency' },
    });
  });

  it('answers an unknown key with a typed error', () => {
    expect(catalogKpi('applicationz')).toEqual({
      ok: false,
      error: { code: 'unknownKpi', field: 'key', value: 'applicationz' },
    });
  });

  it('turns every catalog KPI into a valid stored KPI and back', () => {
    for (const [order, def] of KPI_CATALOG.entries()) {
      const stored = kpiSchema.parse({
        id: `k${order}`,
        planId: 'p',
        catalogKey: def.key,
        pillar: def.pillar,
        side: def.side,
        unit: def.unit,
        direction: def.direction,
        aggregation: def.aggregation,
        source: def.source,
        order,
      });
      expect(definitionOf(stored)).toEqual({ ok: true, value: def });
    }
  });

  it('describes a custom KPI by its own properties', () => {
    const custom = definitionOf({
      id: 'c1',
      planId: 'p',
      name: 'Open days visitors',
      pillar: 'brand',
      side: 'brand',
      unit: 'count',
      direction: 'higher',
      aggregation: { kind: 'sum' },
      source: 'manual',
      order: 0,
    });
    expect(custom).toMatchObject({
      ok: true,
      value: { key: 'c1', name: { en: 'Open days visitors', nl: 'Open days visitors' } },
    });
  });

  it('says what kind of number each catalog KPI is, and weights its means by a KPI it has', () => {
    const kindOf = (key: string) => KPI_CATALOG.find((k) => k.key === key)?.kind;
    expect(kindOf('hires')).toBe('events');
    expect(kindOf('impressions')).toBe('volume');
    expect(kindOf('reach')).toBe('unique');
    expect(kindOf('uniqueVisitors')).toBe('unique');
    expect(kindOf('applicationRate')).toBe('rate');
    expect(kindOf('timeOnSite')).toBe('mean');
    expect(kindOf('brandAwareness')).toBe('level');
    expect(kindOf('costPerHire')).toBe('money');
    for (const kpi of KPI_CATALOG) {
      if (kpi.weight) expect(catalogKpi(kpi.weight).ok, kpi.key).toBe(true);
      // The kind and its aggregation agree: means are means, uniques and events are summed.
      if (kpi.kind === 'mean') expect(kpi.aggregation.kind).toBe('mean');
      if (kpi.kind === 'events' || kpi.kind === 'volume' || kpi.kind === 'unique')
        expect(kpi.aggregation.kind, kpi.key).toBe('sum');
    }
  });

  it('has the seeds of issue 14: open applications, early leavers, reach in the target group', () => {
    expect(catalogKpi('spontaneousApplications')).toMatchObject({
      ok: true,
      value: { side: 'brand', kind: 'events', direction: 'higher' },
    });
    expect(catalogKpi('earlyLeavers')).toMatchObject({
      ok: true,
      value: { side: 'brand', kind: 'events', direction: 'lower' },
    });
    const share = catalogKpi('reachShare');
    expect(share).toMatchObject({ ok: true, value: { unit: 'percent', side: 'brand' } });
    if (!share.ok) return;
    expect(isComputed(share.value.aggregation)).toBe(true);
    expect(partsOf(share.value.aggregation)).toEqual(['reach']);
  });

  it('has clicks and link clicks to import, and CTR and cost per click / per application computed from them', () => {
    for (const key of ['clicks', 'linkClicks'])
      expect(catalogKpi(key), key).toMatchObject({
        ok: true,
        value: { unit: 'count', kind: 'volume', aggregation: { kind: 'sum' }, source: 'ads' },
      });
    const computed = (key: string) => {
      const found = catalogKpi(key);
      if (!found.ok) throw new Error(key);
      expect(isComputed(found.value.aggregation), key).toBe(true);
      return [found.value.unit, found.value.direction, ...partsOf(found.value.aggregation)];
    };
    expect(computed('clickThroughRate')).toEqual([
      'percent',
      'higher',
      'linkClicks',
      'impressions',
    ]);
    expect(computed('costPerClick')).toEqual(['currency', 'lower', 'spend', 'clicks']);
    expect(computed('costPerApplication')).toEqual([
      'currency',
      'lower',
      'spend',
      'applicationsCompleted',
    ]);
    expect(catalogKpi('linkClicks')).toMatchObject({
      value: { name: { en: 'Link clicks', nl: 'Klikken op link' } },
    });
  });

  it('gives a custom KPI a cautious kind from what the user said about it', () => {
    const sum = { kind: 'sum' } as const;
    expect(customKind({ unit: 'count', aggregation: sum, source: 'ats' })).toBe('events');
    expect(customKind({ unit: 'count', aggregation: sum, source: 'analytics' })).toBe('volume');
    expect(customKind({ unit: 'currency', aggregation: sum, source: 'manual' })).toBe('money');
    expect(customKind({ unit: 'number', aggregation: { kind: 'mean' }, source: 'manual' })).toBe(
      'mean',
    );
    expect(
      customKind({
        unit: 'percent',
        aggregation: { kind: 'ratio', numerator: 'a', denominator: 'b' },
        source: 'manual',
      }),
    ).toBe('rate');
    expect(customKind({ unit: 'count', aggregation: { kind: 'last' }, source: 'ats' })).toBe(
      'level',
    );
  });
});
