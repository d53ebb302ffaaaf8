import type { enImport } from './import-en';

/** De CSV-importpagina. */
export const nlImport: Record<keyof typeof enImport, string> = {
  'import.title': 'Cijfers importeren uit een CSV-bestand',
  'import.intro':
    'Exports van Google Analytics 4, Meta Advertentiebeheer, LinkedIn Campaign Manager en sollicitantvolgsystemen worden herkend zoals ze uit die tools komen, in het Nederlands en Engels; elke tabel met een datumkolom en kolommen met getallen werkt ook. Er wordt niets opgeslagen voordat je bevestigt.',
  'import.drop': 'Sleep een CSV-bestand hierheen',
  'import.choose': 'Kies een CSV-bestand',
  'import.reading': '{file} lezen…',
  'import.tooBig': '{file} is {size}; bestanden groter dan {limit} worden niet gelezen.',
  'import.refused':
    '{file} kon niet worden gelezen. Gevonden problemen: {count}. Er is niets opgeslagen.',
  'import.problemAt': 'Regel {line}: {reason}',
  'import.problemAtColumn': 'Regel {line}, kolom “{column}”: {reason}',
  'import.error.empty': 'het bestand is leeg',
  'import.error.notCsv': 'dit is geen tabel met waarden (CSV)',
  'import.error.headerOnly': 'het bestand heeft een kopregel maar geen rijen',
  'import.error.ragged':
    'deze rij heeft {cells, plural, one {# cel} other {# cellen}}, de kopregel {expected}',
  'import.error.quotes': 'een aanhalingsteken wordt niet gesloten',
  'import.error.notANumber': '“{value}” is geen getal',
  'import.error.tooLarge': '“{value}” is te groot om een echte waarde te zijn',
  'import.error.notADate': '“{value}” is geen datum',
  'import.error.noValues': 'geen kolom in dit bestand bevat waarden die te lezen zijn',
  'import.failed': 'Het bestand lezen is mislukt: {reason}',
  'import.detected':
    '{file}: {preset}. Gelezen rijen: {rows}; weggelaten totaalrijen: {skipped}. Getallen geschreven als {notation}; tekstcodering {encoding}.',
  'import.preset.ga4': 'een rapport uit Google Analytics 4',
  'import.preset.meta': 'een export uit Meta Advertentiebeheer',
  'import.preset.linkedin': 'een export uit LinkedIn Campaign Manager',
  'import.preset.ats': 'een export uit een sollicitantvolgsysteem (één rij per kandidaat)',
  'import.preset.generic': 'een tabel met datums en getallen',
  'import.mapping.caption': 'Welke KPI elke kolom vult',
  'import.mapping.column': 'In het bestand',
  'import.mapping.kpi': 'KPI in dit plan',
  'import.mapping.values': '{start} – {end}; waarden: {count}',
  'import.mapping.none': 'Niet importeren',
  'import.mapping.label': 'KPI voor {column}',
  'import.mapping.add': 'KPI “{kpi}” toevoegen aan dit plan',
  'import.mapping.addFailed': 'De KPI “{kpi}” kon niet worden toegevoegd: {reason}',
  'import.series.applications': 'Sollicitaties',
  'import.series.attributable': 'Sollicitaties met een bekende bron',
  'import.series.hires': 'Hires',
  'import.series.timeToHire': 'Time to hire (dagen)',
  'import.preview.caption': 'Wat er wordt opgeslagen, per KPI en periode',
  'import.preview.kpi': 'KPI',
  'import.preview.period': 'Periode',
  'import.preview.imported': 'Geïmporteerd',
  'import.preview.current': 'Nu in het plan',
  'import.preview.after': 'Na de import',
  'import.preview.baseline': '0-meting',
  'import.preview.loop': 'Loop {n}',
  'import.preview.coverage': '{value} ({percent} % van de dagen)',
  'import.preview.empty': 'geen waarde',
  'import.preview.nothing': 'Er is nog geen kolom aan een KPI gekoppeld.',
  'import.conflicts':
    'Waarden die er al staan voor dezelfde KPI en dagen, in dit kanaal of geïmporteerd van vóór de kanalen: {count}.',
  'import.channel.label': 'Kanaal van deze waarden',
  'import.channel.hint':
    'Het advertentieplatform of de tool waar de cijfers vandaan komen. Waarden van andere kanalen op dezelfde dagen blijven staan en tellen op; alleen waarden van dit kanaal kunnen worden vervangen. Laat het leeg voor waarden die bij de met de hand ingevulde horen.',
  'import.channel.hintAts':
    'De bron van elke kandidaat wordt het kanaal van de sollicitatie en de hire; deze naam is voor kandidaten zonder bekende bron.',
  'import.channel.others':
    'Waarden van {count, plural, one {een ander kanaal} other {andere kanalen}} op deze dagen blijven staan en tellen op: {channels}.',
  'import.channel.manual': 'Handmatig (met de hand ingevuld, of geïmporteerd van vóór de kanalen)',
  'import.conflicts.legend': 'Waarden die er al staan',
  'import.conflicts.replace': 'Vervangen door de geïmporteerde waarden',
  'import.conflicts.skip': 'Laten staan; die geïmporteerde waarden overslaan',
  'import.rules.refused':
    '{file}: {count, plural, one {# waarde houdt} other {# waarden houden}} zich niet aan de getalregels van de KPI (zoals in het cijferoverzicht). Er wordt niets opgeslagen: verbeter het bestand, of importeer die kolom naar een andere KPI of niet.',
  'import.rules.at': 'Regel {line}, kolom “{column}”, {date}: {reason}',
  'import.rules.combined':
    'Regel {line}, kolom “{column}”, {date} ({cells, plural, one {# waarde} other {# waarden}} van die datum samengenomen): {reason}',
  'import.write': '{count} waarden importeren',
  'import.write.one': '1 waarde importeren',
  'import.writing': 'Importeren…',
  'import.done':
    'Geïmporteerd: {added} toegevoegd, {replaced} vervangen, {skipped} ongewijzigd gelaten.',
  'import.doneZeros':
    'Van de toegevoegde waarden {zeros, plural, one {is # een nul} other {zijn # nullen}} voor dagen zonder regel.',
  'import.toDashboard': 'Bekijk de resultaten van loop {n}',
  'import.waiting':
    'Waarden voor loops die nog niet zijn gestart ({loops}) zijn opgeslagen: ze verschijnen in de resultaten zodra je die loops start.',
  'import.toPlan': 'Naar het plan om de volgende loop te starten',
  'import.another': 'Een ander bestand importeren',

  // Issue 14: unieke aantallen per dag worden bewaard, nooit opgeteld als mensen.
  'import.unique.note':
    '“{column}” gaat naar {kpi}: dit zijn unieke aantallen per dag (of per periode korter dan een loop). Talentloop bewaart ze zoals ze zijn, maar telt ze nooit op als verschillende mensen, want dezelfde persoon kan op meerdere dagen meetellen. Importeer voor een loop het cijfer van de tool voor de hele periode: zet het datumbereik van het rapport op de data van de loop, zonder uitsplitsing per dag, exporteer en importeer dat bestand.',
  'import.preview.uniqueSum': 'opgeteld uit unieke aantallen: geen aantal mensen',
  'import.unique.note.same':
    '{kpi}: dit zijn unieke aantallen per dag (of per periode korter dan een loop). Talentloop bewaart ze zoals ze zijn, maar telt ze nooit op als verschillende mensen, want dezelfde persoon kan op meerdere dagen meetellen. Importeer voor een loop het cijfer van de tool voor de hele periode: zet het datumbereik van het rapport op de data van de loop, zonder uitsplitsing per dag, exporteer en importeer dat bestand.',
  // Issue 17: een export beslaat zijn hele periode; een dag zonder rij had er geen.
  'import.zero.label': 'Dagen zonder rijen in {range} tellen als nul',
  'import.zero.stated': 'Het bestand vermeldt dat het {range} beslaat.',
  'import.zero.inferred':
    'Het bestand vermeldt zijn periode niet: die loopt van de eerste tot de laatste dag erin. Vink dit uit als de export niet elke dag daartussen beslaat.',
  'import.zero.values':
    'Voor aantallen zoals sollicitaties en hires {count, plural, one {wordt # nul} other {worden # nullen}} opgeslagen op dagen zonder rij, zodat die dagen als gedekt tellen. Waarden die al op die dagen staan, blijven staan.',
};
