import type { ResultsMessages } from './results-en';

/** Dutch messages of a loop's results: exactly the keys of `results-en.ts`. */
export const nlResults: ResultsMessages = {
  'score.title': 'In één oogopslag',
  'score.label': 'Scorekaart',
  'score.focus': 'Focus: {focus}.',
  'score.noFocus': 'Voor deze loop is geen focus gekozen.',
  'score.reference': 'Vergeleken met {reference}, {range}.',
  'score.ref.previousLoop': 'de vorige loop',
  'score.ref.sameLoopLastYear': 'dezelfde periode vorig jaar',
  'score.ref.baseline': 'de 0-meting',
  'score.focusMet': 'Focus-KPI’s: doel gehaald',
  'score.allMet': 'Alle KPI’s: doel gehaald',
  'score.xOfY': '{x} van {y}',
  'score.noTargets': 'geen doelen',
  'score.realBetter': 'Waarschijnlijk echt, beter',
  'score.realWorse': 'Waarschijnlijk echt, slechter',
  'score.tradeOffs': 'Verwachte bijeffecten',
  'score.withinNoise': 'Kan toeval zijn',
  'score.tooLittleData': 'Te weinig gegevens',
  'score.notTested': 'Geen toets voor dit soort getal',
  'score.none': 'geen',
  'score.tradeOffsOf': 'Verwachte bijeffecten van de focus op {focus}',
  'score.midLoopChanges.one':
    'De strategie is één keer gewijzigd tijdens deze loop: elke vergelijking van deze loop is daardoor zwakker.',
  'score.midLoopChanges.other':
    'De strategie is {count} keer gewijzigd tijdens deze loop: elke vergelijking van deze loop is daardoor zwakker.',
  'score.running':
    'Loop {n} loopt tot {date} (dag {elapsed} van {days}): hieronder staat waar elke KPI op afstevent, het oordeel volgt als de loop afloopt.',
  'score.onTrack': 'Op koers',
  'score.atRisk': 'Risico',
  'score.behind': 'Achter',
  'score.noPacing': 'Nog geen KPI met een doel heeft cijfers voor deze loop.',
  'score.kpis': 'Alle KPI’s',
  'score.missedNames': 'Niet gehaald: {names}.',
  'tile.target': 'Doel {target}',
  'tile.ofTarget': '{share} van het doel',
  'tile.vs': 't.o.v. {reference}',
  'tile.details': 'Details',
  'tile.sparkline': '{kpi} in loop {from} tot en met {to}: {values}',
  'tile.sparkline.one': '{kpi} in loop {from}: {values}',
  'tile.noValue': 'geen waarde',
  'empty.title': 'Nog geen cijfers voor loop {n}',
  'empty.notStarted':
    'Loop {n} begint op {date}. De resultaten verschijnen hier zodra je cijfers invoert.',
  'empty.noNumbers':
    'Loop {n} loopt van {start} tot {end}. Voer de cijfers in en deze pagina laat zien wat er veranderde.',
  'empty.enter': 'Cijfers invoeren',
  'empty.enter.hint': 'Typ ze in het raster, of plak een blok uit een spreadsheet.',
  'empty.import': 'Een CSV-export importeren',
  'empty.import.hint': 'Uit Google Analytics, LinkedIn, Meta of je ATS.',
  'empty.example': 'Probeer het voorbeeldplan',
  'empty.example.hint':
    'Een demoplan met zes loops aan cijfers, om te zien hoe resultaten eruitzien.',
  'loops.menu': 'Loop {n}: {page}',
  'hub.next': 'Volgende stap',
  'hub.next.finishSteps':
    'Loop {n} is nog niet helemaal gepland: maak de vijf stappen af (je bent bij {step}).',
  'hub.next.finishSteps.action': 'Verder met de stappen van loop {n}',
  'hub.next.enterNumbers':
    'Loop {n} loopt tot {date}. Houd de cijfers bij: de resultaten tonen het tempo tot nu toe.',
  'hub.next.waitStart':
    'Loop {n} begint op {date}. Voer tot die tijd de cijfers van de 0-meting in.',
  'hub.next.readResults': 'Loop {n} is afgelopen: lees de resultaten en start loop {next}.',
  'hub.next.noNumbers':
    'Loop {n} is afgelopen zonder cijfers: voer ze in om de resultaten te zien.',
  'hub.action.enter': 'Cijfers invoeren',
  'hub.action.results': 'Resultaten van loop {n}',
  'hub.action.start': 'Loop {n} starten',
  'hub.early.summary': 'Loop {n} starten voordat loop {current} afloopt',
  'hub.early.reason': 'Waarom eerder starten?',
  'hub.early.hint':
    'Loop {current} loopt tot {date}. Eerder starten maakt wat loop {current} kan laten zien korter; de reden wordt bij loop {n} bewaard.',
  'hub.early.required': 'Schrijf op waarom, zodat de vergelijking later te lezen is.',
  'hub.early.start': 'Loop {n} eerder starten',
  'hub.startedEarly': 'Eerder gestart: ',
  'hub.settings': 'Planinstellingen',
  'hub.settingsOf': 'Instellingen van {name}',
  'hub.more': 'Meer voor dit plan',
};
