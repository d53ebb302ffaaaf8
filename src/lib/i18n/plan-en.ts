/**
 * English messages of the plan pages (plan settings and the five-step wizard). `plan-nl.ts`
 * has exactly the same keys; both are loaded only when a plan page opens.
 */
export const enPlan = {
  'planSettings.newTitle': 'New plan',
  'planSettings.newIntro':
    'One plan per employer. Choose how long a learning loop lasts and when the first one starts; you can change everything later.',
  'planSettings.organisation': 'Organisation',
  'planSettings.organisation.hint': 'The employer this plan is for.',
  'planSettings.loopLength': 'Length of a learning loop',
  'planSettings.loopLength.count': 'Number',
  'planSettings.loopLength.unit': 'Unit',
  'planSettings.loopLength.hint':
    'Two months is the usual rhythm; 2 weeks to 6 months is possible. All loops have the same length, so they compare fairly.',
  'planSettings.weeks': 'weeks',
  'planSettings.months': 'months',
  'planSettings.firstLoopStart': 'First loop starts on',
  'planSettings.firstLoopStart.hint':
    'The baseline is measured over the period just before this date.',
  'planSettings.firstLoopStart.hintEdit':
    'Changing this moves the dates of every loop and of the standard baseline; numbers stay on their own dates.',
  'planSettings.comparison': 'Compare each loop with',
  'planSettings.comparison.hint':
    'Choose the same period last year when your hiring has strong seasons (summer, year end).',
  'planSettings.currency': 'Currency',
  'planSettings.currency.hint': 'Three letters, for example EUR.',
  'planSettings.create': 'Create plan and start',
  'planSettings.error.organisationRequired': 'Enter the name of the organisation.',
  'planSettings.error.weeks': 'A loop of weeks lasts 2 to 26 weeks (a whole number).',
  'planSettings.error.months': 'A loop of months lasts 1 to 6 months (a whole number).',
  'planSettings.error.currency': 'Enter a currency code of three letters, like EUR.',
  'planSettings.error.firstLoopStartRequired': 'Fill in the date the first loop starts.',
  'planSettings.error.fix': 'Some fields need attention; see the messages beside them.',
  'planSettings.error.noDatabase': 'The storage of this browser is not available.',

  'basis.previousLoop': 'The previous loop',
  'basis.sameLoopLastYear': 'The same period last year',
  'basis.baseline': 'The baseline',

  'planPage.focus': 'focus: {focus}',
  'planPage.openSteps': 'Five-step plan of loop {n}',
  'planPage.settings': 'Plan settings',

  'wizard.steps': 'Five-step plan',
  'wizard.pager': 'Previous and next step',
  'wizard.stepTitle': 'Step {n} of 5: {title}',
  'wizard.loopN': 'Loop {n}',
  'wizard.stepDone': 'Done',
  'wizard.stepOpen': 'To do',
  'wizard.stepOptional': 'Optional',
  'wizard.autosave': 'Changes are saved automatically.',
  'wizard.saving': 'Saving…',
  'wizard.saved': 'All changes saved',
  'wizard.notSaved': 'Not saved: {reason}',
  'wizard.finish': 'Done: back to the plan',
  'wizard.notFound': 'Plan not found',
  'wizard.unavailable': 'This plan cannot be opened',
  'wizard.noLoop': 'Loop {n} has not been started',
  'wizard.backToPlans': 'Back to your plans',
  'wizard.backToPlan': 'Back to the plan',
  'wizard.baseline.title': 'Baseline',
  'wizard.baseline.why':
    'Tracking never catches every visit or application. Only numbers from before the marketing starts show what it changed, so record where you stand now.',
  'wizard.kpis.title': 'KPIs',
  'wizard.kpis.why':
    'Counting applications alone does not show how close the target group came. Pick a few numbers per stage, from reach to hire, that tell you whether you are moving in the right direction.',
  'wizard.focus.title': 'Focus',
  'wizard.focus.why':
    'You cannot improve every number at once. One focus per loop keeps the data clean and tells in advance which numbers should move, and which may drop because of it.',
  'wizard.success.title': 'Success',
  'wizard.success.why':
    'Decide now what counts as success, before the numbers come in. A target per KPI, based on where you stand, keeps the judgement honest.',
  'wizard.expectations.title': 'Expectations',
  'wizard.expectations.why':
    'Tell colleagues in advance what this loop will and will not show. Then a drop that was expected is not mistaken for failure.',

  'unit.count': 'A number of people or events.',
  'unit.percent': 'In percent (0–100).',
  'unit.duration': 'In minutes and seconds (1:14 or 1m 14s) or in seconds (74).',
  'unit.currency': 'In {currency}.',
  'unit.number': 'A number; decimals allowed.',
  'unit.score': 'A score.',
  'unit.days': 'In days.',
  'unitName.count': 'Count',
  'unitName.percent': 'Percentage',
  'unitName.duration': 'Duration (m:ss)',
  'unitName.currency': 'Money',
  'unitName.number': 'Number',
  'unitName.score': 'Score',
  'unitName.days': 'Days',
  'value.days': '{count, plural, one {{n} day} other {{n} days}}',
  'direction.higher': 'Higher is better',
  'direction.lower': 'Lower is better',
  'direction.depends': 'Neither higher nor lower is better by itself',
  'aggregation.sum': 'Add up over the loop',
  'aggregation.mean': 'Average over the loop',
  'aggregation.last': 'Last value in the loop',

  'baseline.period': 'Baseline period',
  'baseline.period.hint':
    'Standard: the period of one loop just before the first loop ({standard}). Change it only if those numbers are not available.',
  'baseline.periodStart': 'Baseline from',
  'baseline.periodEnd': 'Baseline to',
  'baseline.useStandard': 'Use the standard period',
  'baseline.lengthDiffers':
    'This period is not as long as a loop, which makes the comparison with the first loop less fair.',
  'baseline.values': 'Values before the start',
  'baseline.values.hint':
    'Type a value, or paste a column copied from a spreadsheet into the first field: it fills the KPIs below in order. Mark a value unknown if it cannot be found.',
  'baseline.noKpis': 'No KPIs are selected yet. Choose them in step 2.',
  'baseline.unknown': 'Unknown',
  'baseline.imported':
    'Imported for this period: {values}. A value typed here is added to it (channel Manual).',
  'baseline.computed': 'Computed from the values above',
  'baseline.ratioMissing': 'Not yet: needs both parts',
  'baseline.paste.done':
    'Pasted: {saved, plural, one {# value} other {# values}} saved, {rejected} refused.',
  'baseline.paste.line': 'Line {line}: {reason} (not saved)',
  'baseline.paste.tooMany': 'Line {line} (“{cell}”): there is no KPI left for it (not saved)',

  'pillar.talentPool': 'Talent pools',
  'pillar.talentPool.about': 'People who know you and keep in touch, by how often they interact.',
  'pillar.reach': 'Reach',
  'pillar.reach.about': 'How many people in the target group see the employer brand.',
  'pillar.traffic': 'Traffic',
  'pillar.traffic.about': 'Visits to the careers site and how well they go.',
  'pillar.conversion': 'Conversion',
  'pillar.conversion.about':
    'Visitors who apply, leave their details or are hired, and what that costs.',
  'pillar.recruitment': 'Recruitment',
  'pillar.recruitment.about': 'The harvest: candidates, hires and the time and cost it takes.',
  'pillar.brand': 'Employer brand',
  'pillar.brand.about': 'How the target group knows and values you, measured indirectly over time.',
  'side.brand': 'Employer-brand side: indirect, judged over several loops',
  'side.recruitment': 'Recruitment side: direct, short-term',

  'kpis.selectedCount': 'KPIs selected: {n}',
  'kpis.onlyApplications':
    'You have selected applications only. They do not show how close the target group came: add at least one reach or traffic KPI.',
  'kpis.targetGroupSize': 'Size of the target group',
  'kpis.targetGroupSize.hint':
    'How many people your target group holds, for reach in the target group. A whole number; leave empty if you do not know.',
  'kpis.partOf': 'Needed for: {names}.',
  'kpis.custom': 'Your own KPI',
  'kpis.removeTitle': 'Remove {name}?',
  'kpis.removeBody':
    'Values and targets recorded for this KPI ({n}) are removed with it. You can undo this for 30 seconds.',
  'kpis.remove': 'Remove KPI',
  'kpis.removed': '{name} removed.',
  'kpis.customTitle': 'Add a KPI of your own',
  'kpis.customName': 'Name',
  'kpis.customDescription': 'What it measures (optional)',
  'kpis.customPillar': 'Pillar',
  'kpis.customUnit': 'Unit',
  'kpis.customDirection': 'Better when',
  'kpis.customAggregation': 'Value of a loop',
  'kpis.customAdd': 'Add KPI',
  'kpis.customAdded': '{name} added.',
  'kpis.customNameRequired': 'Give the KPI a name.',

  'focus.choose': 'Focus of this loop',
  'focus.reach': 'Reach',
  'focus.reach.about': 'Get the employer brand in front of more of the target group.',
  'focus.traffic': 'Traffic',
  'focus.traffic.about': 'Better visits to the careers site: longer, deeper, returning.',
  'focus.conversion': 'Conversion',
  'focus.conversion.about': 'Turn visitors into applications, leads and hires.',
  'focus.talentPool': 'Talent pool',
  'focus.talentPool.about': 'Grow and warm up the talent pool for later vacancies.',
  'focus.effects': 'What a focus on {focus} means for your KPIs',
  'focus.shouldRise': 'Should rise',
  'focus.mayDrop': 'May drop, and that is expected',
  'focus.noneSelected': 'None of your KPIs.',
  'focus.noRiseHint':
    'None of the KPIs this focus should raise is selected; consider adding one in step 2.',
  'focus.adjust': 'Adjust the expected effects',
  'focus.adjust.hint':
    'The standard rules come from practice. If your situation differs, say per KPI what you expect and why.',
  'focus.effect.rise': 'Should rise',
  'focus.effect.drop': 'May drop',
  'focus.effect.none': 'No prediction',
  'focus.reason': 'Why it may drop',
  'focus.defaultReason': 'A trade-off of this loop’s focus.',
  'focus.reset': 'Back to the standard rules',

  'success.againstBaseline': 'Targets start from the baseline ({range}).',
  'success.againstPrevious': 'Targets start from the previous loop ({range}).',
  'success.targets': 'Targets for this loop',
  'success.targetFor': 'Target for {name}',
  'success.baselineValue': 'Baseline',
  'success.previousValue': 'Previous loop',
  'success.noReference': 'no value yet',
  'success.mayDrop':
    'The focus of this loop may lower this KPI, so no improvement is suggested; set a target only if you want a floor.',
  'success.suggest': 'Suggest targets',
  'success.suggest.hint':
    'Fills in targets this much better than the baseline or the previous loop, for every KPI you have not set by hand.',
  'success.step': 'Improvement (%)',
  'success.stepInvalid': 'Enter a percentage from 0 to 1000.',
  'success.apply': 'Fill in suggestions',

  'expectations.yours': 'Your part',
  'expectations.judgementDate': 'Results are judged on',
  'expectations.judgementDate.hint':
    'Standard: the day after the loop ends. Not before the loop is over, and within a year.',
  'expectations.notes': 'Notes to colleagues',
  'expectations.notes.hint': 'Anything else they should know: context, risks, agreements.',
  'expectations.print': 'Print summary',
  'expectations.needFocus': 'The summary needs a focus first.',

  'summary.title': 'Expectations for loop {n}',
  'summary.focus': 'Focus',
  'summary.targets': 'Targets',
  'summary.kpi': 'KPI',
  'summary.reference': 'Compared with',
  'summary.target': 'Target',
  'summary.expected': 'Expected',
  'summary.rise': 'Should rise',
  'summary.watched': 'No prediction',
  'summary.drop': 'May drop',
  'summary.noTargets': 'No targets set yet.',
  'summary.shouldRise': 'What should rise',
  'summary.mayDrop': 'What may drop, and why that is fine',
  'summary.comparison': 'Compared with',
  'summary.judgedOn': 'Results are judged on',
  'summary.notWarranted': 'Conclusions that are not warranted',
  'summary.notes': 'Notes',
  'notWarranted.oneLoopIsNotRoi':
    'One loop does not show the return on recruitment marketing: that takes several loops.',
  'notWarranted.predictedDropsAreNotFailure':
    'A drop in {kpis} is an expected trade-off of the focus, not a failure.',
  'notWarranted.swingsWithinNoise':
    'Small numbers swing by chance: a change within the normal range is not a result.',
  'notWarranted.brandNeedsSeveralLoops':
    '{kpis}: employer-brand numbers are judged on their trend over at least three loops, not on one.',
  'notWarranted.midLoopChangesWeaken':
    'The strategy was changed {count, plural, one {once} other {# times}} during the loop: the comparison is weaker.',
  'notWarranted.noBaseline': 'There is no baseline, so the change cannot be measured against it.',

  // Issue 14: the actual step of a suggested target, beside it in the success step.
  'success.note.whole': 'Rounded to a whole number: {actual} instead of {asked}.',
  'success.note.decimals': 'Rounded to steps of {precision}: {actual} instead of {asked}.',
  'success.note.capped': 'Held at {limit}: {actual} instead of {asked}.',
} as const;

export type PlanMessages = Record<keyof typeof enPlan, string>;
