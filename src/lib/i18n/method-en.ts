/** "How Talentloop decides": the rules behind the dashboard's verdicts (loaded by that page). */
export const enMethod = {
  'method.title': 'How Talentloop decides',
  'method.intro':
    'Recruitment numbers go up and down on their own. Beside a change on the dashboard, Talentloop says whether it is probably real, could be chance, or rests on too little data. This page explains how it decides, in plain words you can pass on to colleagues.',
  'method.toc': 'On this page',
  'method.forStatisticians': 'For statisticians:',

  'method.labels.title': 'The three answers',
  'method.labels.real':
    'A change this large would be rare if nothing had really changed. Rare, not impossible: roughly 1 time in 20 chance alone produces it anyway.',
  'method.labels.chance':
    'The change is within the ups and downs this number shows anyway. It does not prove that nothing happened: the effect may still be too small to see.',
  'method.labels.tooLittle':
    'The numbers are too small, or too much of the period is missing, to tell chance from change.',
  'method.labels.none':
    'Some numbers get no answer at all: Talentloop shows how much they changed and leaves the judgement to you (see averages, last values, money and scores below).',
  'method.labels.noneTerm': 'No answer',
  'method.labels.cause':
    'None of the answers says what caused a change. A new campaign, a competitor’s reorganisation or a school holiday all look the same in the numbers; the strategy, the changes you logged and your insights tell them apart.',
  'method.labels.stats':
    'two-sided tests at significance level 5%; “probably a real change” means that the p-value is at or below the threshold of the correction for many KPIs described below (5% for a single KPI).',

  'method.events.title': 'Applications, hires and other events',
  'method.events.p1':
    'Applications started and completed, lead forms submitted, candidates interviewed, hires, open applications and early leavers are events: each one happens on its own. Talentloop compares them per day, over the days that each period’s numbers actually cover, so a loop with a missing week is not judged as if nothing happened that week. An imported export that covers a period (its stated report range, or an applicant export from its first to its last day, when you leave that ticked) is different: a day in it without a row counts as zero, because nobody applied that day.',
  'method.events.p2':
    'Small numbers swing a lot by chance alone: 12 applications in one loop and 19 in the next can easily happen without anything changing. A change is called real only when chance alone would rarely produce it.',
  'method.events.p3':
    'Once a plan has at least three earlier finished loops, Talentloop also looks at how much its numbers really swung from loop to loop. If they swing more than chance alone explains, a bigger change is needed before it is called real. It never assumes less swing than chance alone, and it counts the usual assumption as if it were six loops of experience, so one odd loop does not decide.',
  'method.events.stats':
    'exact conditional test for two Poisson counts with the covered days as exposure (binomial, as R’s poisson.test; a normal approximation above 10,000 events in all). With at least three earlier loops, a quasi-Poisson dispersion estimated from the changes between consecutive earlier loops (so a steady trend or a season is not counted as chance), never below 1, pooled with the default of 1 weighted as six loops; the test then keeps the larger of the exact and the dispersed p-value.',

  'method.volumes.title': 'Impressions, visits and other volumes',
  'method.volumes.p1':
    'Impressions, social engagements, careers site visits, and returning and organic visitors swing far more than independent events would: one post that takes off, an algorithm change or a shift in budget moves thousands at once. Judged like hires, almost every swing would look real.',
  'method.volumes.p2':
    'So Talentloop assumes that these numbers ordinarily move about 10% from loop to loop, or more when the plan’s own history shows more, once it has at least three earlier loops (counted together with the 10% as if that were six loops; a quiet history never brings it below 10%). In practice a change smaller than roughly 30% is usually “could be chance”.',
  'method.volumes.p3':
    'The dashboard card says which of the two judged the change: the usual 10% or the plan’s own history.',
  'method.volumes.stats':
    'variance μ + κμ² (negative-binomial type) with κ = 0.01, a loop-to-loop coefficient of variation of 10%, by default, or κ estimated by moments from the changes between consecutive earlier loops (at least three loops) pooled with the default as six loops; a two-sided z-test on the difference of the daily rates with the pooled rate’s variance, never more confident than the exact Poisson test.',

  'method.rates.title': 'Application rate and other rates',
  'method.rates.p1':
    'A rate, such as completed applications per 100 careers site visits, is judged only when both parts are known in both periods: how many applied, and how many visited. 4 applications from 100 visits says much less than 400 from 10,000, although both are 4%.',
  'method.rates.p2':
    'Both parts must cover the same days. When they do not (applications for 20 days, visits for the whole loop), Talentloop puts each part per day before dividing and does not call the change real or chance.',
  'method.rates.stats':
    'test of two proportions, Pearson’s chi-squared with Yates’ continuity correction (as R’s prop.test); with an expected count below 5 the answer is “too little data”.',

  'method.means.title': 'Averages, last values, money and scores',
  'method.means.p1':
    'Time on site, pages per visitor, time to hire, survey results such as brand awareness, spend and cost per hire get no answer. Talentloop shows how much they changed, but does not call the change real or chance: the numbers alone do not say how much they normally vary. Judge them with what you know about the loop, and over several loops.',
  'method.means.p2':
    'When an average covers several periods (two months, say), each period weighs by what it was measured over: visits for time on site, hires for time to hire, when those are stored. Where they are not, each period weighs by its number of days, and a note says so.',
  'method.means.stats':
    'no test without a measure of spread. Pooled means are weighted by their base (visits, hires), or by days when the base is not stored.',

  'method.uniques.title': 'Unique people',
  'method.uniques.p1':
    'Unique people reached, people reached per network and unique visitors count each person once. Someone who sees your post on Monday and again on Tuesday is one person that week, but appears in both daily numbers. So Talentloop never adds up daily unique numbers as if they were people.',
  'method.uniques.p2':
    'A value entered for the whole period (as the ad platform or analytics tool reports it for exactly that period) is used as it is, and compared only with a value for a whole period of about the same length (a few days apart at most): different people do not add up by the day. If there are only daily or monthly numbers, Talentloop shows their sum as a sum of daily or monthly numbers, never as unique people, does not test it, and does not set it against a target.',
  'method.uniques.stats':
    'distinct counts are not additive over time (the overlap between days is unknown), so only a value reported for the whole period stands for unique people.',

  'method.range.title': 'The range beside a count',
  'method.range.p1':
    'Beside a count the dashboard shows which values chance alone could give, for example between 52 and 71. It takes the reference (what this loop is compared with), scales it to the same number of days as this loop, and lists exactly the values the test would not call unusual. The answer and the range come from the same test, so they never contradict each other.',
  'method.range.p2':
    'When the reference is 0, no range is shown: zero gives no measure of how many to expect.',
  'method.range.stats':
    'the acceptance region of the two-sided test at 5% for the scaled reference, not a confidence interval for the current value.',

  'method.lengths.title': 'Periods of unequal length',
  'method.lengths.p1':
    'A loop of 61 days against a reference of 59 days, or a loop whose numbers cover only 50 of its days: when the two lengths differ by a day or more, Talentloop shows the changes per day and states both lengths, so everyone can see that the periods were not the same size.',

  'method.finer.title': 'Monthly totals and daily numbers',
  'method.finer.p1':
    'Sometimes one month has both a total and daily numbers, for example from two different imports. The daily numbers replace the total only when they cover the whole month. Otherwise the total is used, so nothing is counted twice or quietly dropped, and the numbers grid shows the conflict so you can resolve it.',

  'method.many.title': 'Many KPIs at once',
  'method.many.p1':
    'Compare ten KPIs in a loop where nothing changed, and by chance one of them will often look like a real change. Talentloop corrects for this across all the KPIs it tests in a loop, so that of the changes it calls real, no more than about 1 in 20 is expected to be chance. The dashboard says how many KPIs were compared.',
  'method.many.stats':
    'Benjamini–Hochberg control of the false discovery rate at 5% over the loop’s tested KPIs (Benjamini & Hochberg, 1995), applied as one threshold, BH’s critical value k·5%/m; each range beside a count is computed at that same threshold.',

  'method.running.title': 'A loop that is still running',
  'method.running.p1':
    'A loop that has not ended gets no verdict: half a loop says little about the whole. Instead Talentloop shows where it is heading: the value expected at the end of the loop, with its range, and against the target “on track” (even the unlucky end of the range meets it), “at risk” (the target is within reach) or “behind” (even the lucky end misses it).',
  'method.running.p2':
    'The projection follows the days that have passed and, where last year has daily numbers for the same period, last year’s pattern over those weeks, so a loop that is always busy at the end is not judged by its quiet start. The verdict appears when the loop ends.',

  'method.trend.title': 'Employer brand trends',
  'method.trend.p1':
    'Employer branding takes months or years to work, so brand KPIs are judged over several loops, not one. Talentloop calls a trend only when both hold: the loops go up (or down) too consistently to be chance, and the change over those loops is at least 5% of the usual level.',
  'method.trend.p2':
    'With three or four loops no trend can be called yet, however steady the line looks: at least five loops are needed.',
  'method.trend.stats':
    'Mann–Kendall trend test (exact for small numbers of loops), two-sided at 5%, and a minimum change of 5% of the level (Mann, 1945; Kendall, 1975).',

  'method.money.title': 'Cost per hire',
  'method.money.p1':
    'Cost per hire is all spend counted for the loop divided by the loop’s hires. The spend comes from one source, in this order: spend you entered or imported; if there is none, the budgets of the loop’s campaigns; if there are none, the loop’s budget.',
  'method.money.p2':
    'Wherever cost per hire is shown, Talentloop names that source, so the same name always means the same number.',
} as const;
