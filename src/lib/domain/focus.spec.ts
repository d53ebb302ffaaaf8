import { describe, expect, it } from 'vitest';
import { catalogKpi } from './catalog';
import {
  DEFAULT_FOCUS_RULES,
  expectedDropFor,
  focusRules,
  type Focus,
  type StoredFocusRules,
} from './focus';

const FOCUSES: Focus[] = ['reach', 'traffic', 'conversion', 'talentPool'];

describe('DEFAULT_FOCUS_RULES', () => {
  it('has rules for each of the four focuses', () => {
    expect(Object.keys(DEFAULT_FOCUS_RULES).sort()).toEqual([
      'conversion',
      'reach',
      'talentPool',
      'traffic',
    ]);
  });

  it('names only KPIs of the catalog', () => {
    for (const focus of FOCUSES) {
      const { expectedRise, expectedDrop } = DEFAULT_FOCUS_RULES[focus];
      for (const key of [...expectedRise, ...expectedDrop.map((d) => d.kpi)])
        expect(catalogKpi(key).ok, `${focus}: ${key}`).toBe(true);
    }
  });

  it('never expects one KPI both to rise and to drop', () => {
    for (const focus of FOCUSES) {
      const rules = DEFAULT_FOCUS_RULES[focus];
      const rising = new Set(rules.expectedRise);
      expect(
        rules.expectedDrop.filter((d) => rising.has(d.kpi)),
        focus,
      ).toEqual([]);
    }
  });

  it('gives every expected drop a reason in Dutch and English', () => {
    for (const focus of FOCUSES)
      for (const drop of DEFAULT_FOCUS_RULES[focus].expectedDrop) {
        expect(drop.reason.en.length, `${focus}: ${drop.kpi}`).toBeGreaterThan(20);
        expect(drop.reason.nl.length, `${focus}: ${drop.kpi}`).toBeGreaterThan(20);
        expect(drop.reason.nl).not.toBe(drop.reason.en);
      }
  });

  it('expects a reach focus to lower time on site, pages, scroll depth and application rate', () => {
    expect(DEFAULT_FOCUS_RULES.reach.expectedDrop.map((d) => d.kpi)).toEqual([
      'timeOnSite',
      'pagesPerVisitor',
      'scrollDepth',
      'applicationRate',
    ]);
    expect(DEFAULT_FOCUS_RULES.reach.expectedRise).toContain('careerSiteVisits');
  });

  it('expects a traffic focus to trade reach and impressions for engagement', () => {
    expect(DEFAULT_FOCUS_RULES.traffic.expectedRise).toEqual([
      'timeOnSite',
      'pagesPerVisitor',
      'returningVisitors',
      'scrollDepth',
    ]);
    expect(DEFAULT_FOCUS_RULES.traffic.expectedDrop.map((d) => d.kpi)).toEqual([
      'reach',
      'impressions',
    ]);
  });

  it('expects a conversion focus to raise applications and hires', () => {
    expect(DEFAULT_FOCUS_RULES.conversion.expectedRise).toEqual(
      expect.arrayContaining(['applicationsCompleted', 'hires', 'applicationRate']),
    );
    expect(DEFAULT_FOCUS_RULES.conversion.expectedDrop.map((d) => d.kpi)).toEqual([
      'timeOnSite',
      'pagesPerVisitor',
      'scrollDepth',
    ]);
  });

  it('expects a talent pool focus to lower applications for a while', () => {
    expect(DEFAULT_FOCUS_RULES.talentPool.expectedRise).toEqual([
      'talentPool1to3',
      'talentPool3to6',
      'talentPool6to15',
    ]);
    expect(DEFAULT_FOCUS_RULES.talentPool.expectedDrop.map((d) => d.kpi)).toEqual([
      'applicationsStarted',
      'applicationsCompleted',
    ]);
  });

  it('shares one reason among the visit-quality drops of a reach focus', () => {
    const [time, pages, scroll] = DEFAULT_FOCUS_RULES.reach.expectedDrop;
    expect(time?.reason).toBe(pages?.reason);
    expect(pages?.reason).toBe(scroll?.reason);
  });
});

describe('focusRules', () => {
  it('gives the defaults of the focus when the loop has no adjustment', () => {
    expect(focusRules('traffic')).toBe(DEFAULT_FOCUS_RULES.traffic);
    expect(focusRules('talentPool', undefined)).toBe(DEFAULT_FOCUS_RULES.talentPool);
  });

  it("uses the loop's own rules instead of the focus defaults", () => {
    const adjusted: StoredFocusRules = {
      expectedRise: ['hires'],
      expectedDrop: [{ kpi: 'reach', reason: 'Fewer ads, more referrals.' }],
    };
    expect(focusRules('reach', adjusted)).toEqual({
      expectedRise: ['hires'],
      expectedDrop: [
        {
          kpi: 'reach',
          reason: { nl: 'Fewer ads, more referrals.', en: 'Fewer ads, more referrals.' },
        },
      ],
    });
  });

  it('takes adjusted rules that expect nothing as they are', () => {
    expect(focusRules('conversion', { expectedRise: [], expectedDrop: [] })).toEqual({
      expectedRise: [],
      expectedDrop: [],
    });
  });

  it('copies the stored lists, so changing the result leaves the loop untouched', () => {
    const adjusted: StoredFocusRules = {
      expectedRise: ['hires'],
      expectedDrop: [{ kpi: 'timeOnSite', reason: 'Apply and leave.' }],
    };
    const rules = focusRules('conversion', adjusted);
    rules.expectedRise.push('reach');
    rules.expectedDrop.pop();
    expect(adjusted).toEqual({
      expectedRise: ['hires'],
      expectedDrop: [{ kpi: 'timeOnSite', reason: 'Apply and leave.' }],
    });
  });
});

describe('expectedDropFor', () => {
  it('finds the expected drop of a KPI, with its reason', () => {
    const drop = expectedDropFor(DEFAULT_FOCUS_RULES.talentPool, 'applicationsCompleted');
    expect(drop?.kpi).toBe('applicationsCompleted');
    expect(drop?.reason.en).toBe(
      'People are nurtured in the talent pool first; applications follow later.',
    );
  });

  it('gives undefined for a KPI the focus expects to rise or does not mention', () => {
    expect(expectedDropFor(DEFAULT_FOCUS_RULES.talentPool, 'talentPool1to3')).toBeUndefined();
    expect(expectedDropFor(DEFAULT_FOCUS_RULES.talentPool, 'hires')).toBeUndefined();
  });

  it("reads a loop's adjusted rules", () => {
    const rules = focusRules('reach', {
      expectedRise: [],
      expectedDrop: [{ kpi: 'hires', reason: 'Budget moved to branding.' }],
    });
    expect(expectedDropFor(rules, 'hires')?.reason).toEqual({
      nl: 'Budget moved to branding.',
      en: 'Budget moved to branding.',
    });
    // The defaults of a reach focus no longer apply.
    expect(expectedDropFor(rules, 'timeOnSite')).toBeUndefined();
  });
});
