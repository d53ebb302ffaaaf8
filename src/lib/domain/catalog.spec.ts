import { describe, expect, it } from 'vitest';
import { kpiSchema } from '$lib/schema';
import { catalogKpi, definitionOf, KPI_CATALOG } from './catalog';

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
});
