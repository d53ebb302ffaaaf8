/** The CSV import page (loaded by /loops/import). */
export const enImport = {
  'import.title': 'Import numbers from a CSV file',
  'import.intro':
    'Exports of Google Analytics 4, Meta Ads Manager, LinkedIn Campaign Manager and applicant tracking systems are recognised as they come, in Dutch and English; any table with a date column and number columns works too. Nothing is written until you confirm.',
  'import.drop': 'Drop a CSV file here',
  'import.choose': 'Choose a CSV file',
  'import.reading': 'Reading {file}…',
  'import.tooBig': '{file} is {size}; files larger than {limit} are not read.',
  'import.refused': '{file} could not be read. Problems found: {count}. Nothing was written.',
  'import.problemAt': 'Line {line}: {reason}',
  'import.problemAtColumn': 'Line {line}, column “{column}”: {reason}',
  'import.error.empty': 'the file is empty',
  'import.error.notCsv': 'this is not a table of values (CSV)',
  'import.error.headerOnly': 'the file has a header but no rows',
  'import.error.ragged':
    'this row has {cells, plural, one {# cell} other {# cells}}, the header has {expected}',
  'import.error.quotes': 'a quote is not closed',
  'import.error.notANumber': '“{value}” is not a number',
  'import.error.tooLarge': '“{value}” is too large to be a real value',
  'import.error.notADate': '“{value}” is not a date',
  'import.error.noValues': 'no column holds values that can be read in this file',
  'import.failed': 'Reading the file failed: {reason}',
  'import.detected':
    '{file}: {preset}. Rows read: {rows}; total rows left out: {skipped}. Numbers written as {notation}; text encoding {encoding}.',
  'import.preset.ga4': 'a Google Analytics 4 report',
  'import.preset.meta': 'a Meta Ads Manager export',
  'import.preset.linkedin': 'a LinkedIn Campaign Manager export',
  'import.preset.ats': 'an applicant tracking export (one row per candidate)',
  'import.preset.generic': 'a table of dates and numbers',
  'import.mapping.caption': 'Which KPI each column fills',
  'import.mapping.column': 'In the file',
  'import.mapping.kpi': 'KPI in this plan',
  'import.mapping.values': '{start} – {end}; values: {count}',
  'import.mapping.none': 'Not imported',
  'import.mapping.label': 'KPI for {column}',
  'import.mapping.add': 'Add KPI “{kpi}” to this plan',
  'import.mapping.addFailed': 'The KPI “{kpi}” could not be added: {reason}',
  'import.series.applications': 'Applications',
  'import.series.attributable': 'Applications with a known source',
  'import.series.hires': 'Hires',
  'import.series.timeToHire': 'Time to hire (days)',
  'import.preview.caption': 'What will be written, per KPI and period',
  'import.preview.kpi': 'KPI',
  'import.preview.period': 'Period',
  'import.preview.imported': 'Imported',
  'import.preview.current': 'Now in the plan',
  'import.preview.after': 'After the import',
  'import.preview.baseline': 'Baseline',
  'import.preview.loop': 'Loop {n}',
  'import.preview.coverage': '{value} ({percent} % of the days)',
  'import.preview.empty': 'no value',
  'import.preview.nothing': 'No column is mapped to a KPI yet.',
  'import.conflicts':
    'Values already stored for the same KPI and days, in this channel or imported before channels existed: {count}.',
  'import.channel.label': 'Channel of these values',
  'import.channel.hint':
    'The ad platform or tool the numbers come from. Values of other channels on the same days stay and add up; only values of this channel can be replaced. Leave it empty for values that belong with the ones typed by hand.',
  'import.channel.hintAts':
    'Each candidate’s source becomes the channel of the application and the hire; this name is for candidates without a known source.',
  'import.channel.others':
    'Values of {count, plural, one {another channel} other {other channels}} on these days stay and are added: {channels}.',
  'import.channel.manual': 'Manual (typed by hand, or imported before channels existed)',
  'import.conflicts.legend': 'Values that are already there',
  'import.conflicts.replace': 'Replace them with the imported values',
  'import.conflicts.skip': 'Keep them; skip those imported values',
  'import.rules.refused':
    '{file}: {count, plural, one {# value breaks} other {# values break}} the number rules of its KPI (as in the numbers grid). Nothing is written: correct the file, or import that column to another KPI or not at all.',
  'import.rules.at': 'Line {line}, column “{column}”, {date}: {reason}',
  'import.rules.combined':
    'Line {line}, column “{column}”, {date} ({cells, plural, one {# value} other {# values}} of that date combined): {reason}',
  'import.write': 'Import {count} values',
  'import.write.one': 'Import 1 value',
  'import.writing': 'Importing…',
  'import.done': 'Imported: {added} added, {replaced} replaced, {skipped} left unchanged.',
  'import.doneZeros':
    'Of the values added, {zeros, plural, one {# is a zero} other {# are zeros}} for days without a row.',
  'import.toDashboard': 'See the results of loop {n}',
  'import.waiting':
    'Values for loops that have not been started yet ({loops}) are stored: they show in the results once you start those loops.',
  'import.toPlan': 'Go to the plan to start the next loop',
  'import.another': 'Import another file',

  // Issue 14: unique counts per day are stored, never added up as people.
  'import.unique.note':
    '“{column}” goes to {kpi}: these are unique counts per day (or per period shorter than a loop). Talentloop stores them as they are but never adds them up as different people, because the same person can be counted on several days. For a loop, import the tool’s figure for the whole period: set the report’s date range to the loop’s dates without a breakdown by day, export, and import that file.',
  'import.preview.uniqueSum': 'added up from unique counts: not a number of people',
  'import.unique.note.same':
    '{kpi}: these are unique counts per day (or per period shorter than a loop). Talentloop stores them as they are but never adds them up as different people, because the same person can be counted on several days. For a loop, import the tool’s figure for the whole period: set the report’s date range to the loop’s dates without a breakdown by day, export, and import that file.',
  // Issue 17: an export covers its whole range; a day without a row had none.
  'import.zero.label': 'Days without rows in {range} count as zero',
  'import.zero.stated': 'The file states that it covers {range}.',
  'import.zero.inferred':
    'The file does not state its period: it is taken from the first to the last day in it. Untick this if the export does not cover every day in between.',
  'import.zero.values':
    'For counts such as applications and hires, {count, plural, one {# zero is} other {# zeros are}} written on days without a row, so these days count as covered. Values already stored on those days stay.',
} as const;
