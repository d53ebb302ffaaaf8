import type { enBackup } from './backup-en';

/** De back-uppagina: exporteren, importeren, momentopnames en afdrukken. */
export const nlBackup: Record<keyof typeof enBackup, string> = {
  'backup.export.heading': 'Back-up downloaden',
  'backup.export.intro':
    'Je plannen staan alleen in deze browser. Een back-upbestand bevat elk plan met zijn loops, KPI’s, doelen, campagnes en cijfers; bewaar het op een veilige plek, of gebruik het om naar een ander apparaat te verhuizen.',
  'backup.status.lastToday': 'Laatste back-up: {date}.',
  'backup.status.never': 'Nog geen back-up gedownload.',
  'backup.status.last':
    'Laatste back-up: {date} ({days, plural, one {# dag} other {# dagen}} geleden).',
  'backup.status.changed': 'Plannen gewijzigd sindsdien: {count}.',
  'backup.status.unchanged': 'Sindsdien niets gewijzigd.',
  'backup.export.which': 'Waarvan een back-up maken',
  'backup.export.all': 'Alle plannen',
  'backup.export.download': 'Back-up downloaden',
  'backup.export.done': '{file} gedownload.',
  'backup.export.damaged':
    '{file} is gedownload, maar bevat records die een import zou weigeren (problemen: {count}; het eerste: {first}). Op dit apparaat is niets veranderd; bewaar het bestand, maar tel het nog niet als je back-up.',
  'backup.export.failed': 'De back-up kon niet worden gemaakt: {reason}',
  'backup.file.heading': 'Back-upbestand bijhouden',
  'backup.file.intro':
    'Kies één keer een bestand, bijvoorbeeld in een map die wordt gesynchroniseerd of op een USB-stick. Daarna zet één klik alle plannen opnieuw in datzelfde bestand.',
  'backup.file.introDownload':
    'Deze browser kan niet opslaan in een bestand dat je kiest, dus gaat een back-up van alle plannen naar je map met downloads. Zet hem op een veilige plek, zoals een gesynchroniseerde map of een USB-stick.',
  'backup.file.choose': 'Back-up opslaan in een bestand…',
  'backup.file.download': 'Back-upbestand opslaan',
  'backup.file.again': 'Opslaan in {file}',
  'backup.file.another': 'Ander bestand kiezen…',
  'backup.file.type': 'Talentloop-back-up',
  'backup.file.never': 'Nog niet in een bestand opgeslagen.',
  'backup.file.last': 'Laatst opgeslagen in {file}: {date}.',
  'backup.file.lastDownload': 'Laatst gedownload als {file}: {date}.',
  'backup.file.saved': 'Alle plannen opgeslagen in {file}.',
  'backup.file.downloaded': 'Alle plannen gedownload als {file}.',
  'backup.file.damaged':
    '{file} is opgeslagen, maar bevat records die een import zou weigeren (problemen: {count}; het eerste: {first}). Op dit apparaat is niets veranderd; bewaar het bestand, maar tel het nog niet als je back-up.',
  'backup.file.denied':
    'Talentloop mag niet schrijven in {file}. Kies het bestand opnieuw om dat toe te staan.',
  'backup.file.failed': 'De back-up is niet opgeslagen: {reason}',
  'backup.csv.heading': 'Cijfers voor een spreadsheet',
  'backup.csv.intro':
    'Eén rij per KPI per periode, voor Excel of Google Sheets. In het Nederlands met puntkomma en decimale komma, in het Engels met komma en decimale punt, zoals Excel dat in die taal verwacht.',
  'backup.csv.plan': 'Plan',
  'backup.csv.download': 'Cijfers downloaden (CSV)',
  'backup.csv.kpi': 'KPI',
  'backup.csv.pillar': 'Pijler',
  'backup.csv.unit': 'Eenheid',
  'backup.csv.start': 'Begin',
  'backup.csv.end': 'Einde',
  'backup.csv.value': 'Waarde',
  'backup.csv.source': 'Bron',
  'backup.csv.note': 'Notitie',
  'backup.csv.hrBudget': 'HR-budget',
  'backup.csv.brandBudget': 'Budget werkgeversmarketing',
  'backup.csv.recruitmentBudget': 'Budget recruitment',
  'backup.csv.meeting': 'Maandelijks overleg',
  'backup.csv.vacancies': 'vacatures',
  'backup.import.heading': 'Back-up terugzetten',
  'backup.import.intro':
    'Kies een back-upbestand van Talentloop. Er verandert niets voordat je hebt gezien wat erin staat en hebt gekozen hoe je het importeert.',
  'backup.import.limit': 'Back-upbestanden tot {limit} kunnen worden gelezen.',
  'backup.import.drop': 'Sleep een back-upbestand hierheen',
  'backup.import.choose': 'Kies een back-upbestand',
  'backup.import.reading': '{file} lezen…',
  'backup.import.checking': '{file} controleren: {percent} %',
  'backup.import.writing': 'Importeren: {percent} %',
  'backup.import.progress': 'Voortgang',
  'backup.import.refused':
    '{file} is niet geïmporteerd. Gevonden problemen: {count}. Op dit apparaat is niets veranderd.',
  'backup.import.more': '… en nog {count}.',
  'backup.import.tooBig':
    '{file} is {size}; back-ups groter dan {limit} worden niet gelezen. Is dit het goede bestand?',
  'backup.import.unreadable': '{file} kon niet worden gelezen: {reason}',
  'backup.import.found':
    '{file} is gemaakt met Talentloop {version} op {date}. Plannen: {plans}, records: {rows}.',
  'backup.import.upgraded':
    'Het is geschreven in back-upformaat {from} en wordt gelezen als formaat {to}.',
  'backup.import.mode': 'Hoe importeren',
  'backup.import.merge': 'Samenvoegen',
  'backup.import.merge.hint':
    'Voegt de plannen toe die dit apparaat niet heeft. Staat een plan aan beide kanten, dan blijft de laatst gewijzigde versie.',
  'backup.import.replace': 'Alles vervangen',
  'backup.import.replace.hint':
    'Dit apparaat bevat daarna precies wat in de back-up staat; plannen die er niet in staan worden verwijderd.',
  'backup.preview.caption': 'Wat de import doet, per plan',
  'backup.preview.plan': 'Plan',
  'backup.preview.incoming': 'In de back-up',
  'backup.preview.current': 'Op dit apparaat',
  'backup.preview.action': 'Wat er gebeurt',
  'backup.preview.summary':
    '{loops, plural, one {# loop} other {# loops}}, {measurements, plural, one {# cijfer} other {# cijfers}}, gewijzigd {date}',
  'backup.preview.none': 'geen',
  'backup.action.add': 'Toegevoegd',
  'backup.action.replace': 'Vervangen door de versie uit de back-up',
  'backup.action.replaceNewer': 'Vervangen: de versie in de back-up is later gewijzigd',
  'backup.action.keep': 'Blijft zoals het is',
  'backup.action.keepNewer': 'Blijft: de versie op dit apparaat is even nieuw of nieuwer',
  'backup.action.remove': 'Verwijderd',
  'backup.import.start': 'Importeren',
  'backup.import.cancel': 'Annuleren',
  'backup.import.confirmTitle': 'Alles op dit apparaat vervangen?',
  'backup.import.confirmBody':
    'Plannen verwijderd: {removed}. Plannen vervangen: {replaced}. Eerst wordt een momentopname van de huidige gegevens bewaard, zodat je deze import ongedaan kunt maken.',
  'backup.import.confirm': 'Alles vervangen',
  'backup.import.done':
    'Geïmporteerd. Plannen toegevoegd: {added}, vervangen: {replaced}, verwijderd: {removed}.',
  'backup.import.undo': 'Import ongedaan maken',
  'backup.import.undone': 'De import is ongedaan gemaakt; de gegevens van ervoor zijn terug.',
  'backup.import.failed': 'De import is mislukt en er is niets veranderd: {reason}',
  'backup.import.clash':
    'een record in de back-up heeft hetzelfde id als een record van een ander plan op dit apparaat',
  'backup.snapshots.heading': 'Gegevens van vóór eerdere imports',
  'backup.snapshots.intro':
    'Vóór elke import bewaart Talentloop een momentopname van de gegevens die worden vervangen (de laatste {count}).',
  'backup.snapshots.empty': 'Nog geen imports.',
  'backup.snapshots.item': '{date}: plannen {plans}, records {rows}',
  'backup.snapshots.download': 'Downloaden',
  'backup.snapshots.downloadNamed': 'De momentopname van {date} downloaden',
  'backup.snapshots.restore': 'Terugzetten',
  'backup.snapshots.restoreNamed': 'De momentopname van {date} terugzetten',
  'backup.snapshots.confirmTitle': 'De gegevens van {date} terugzetten?',
  'backup.snapshots.confirmBody':
    'Alles wat nu op dit apparaat staat, wordt vervangen door die momentopname. Eerst wordt een momentopname van de huidige gegevens bewaard.',
  'backup.snapshots.confirm': 'Terugzetten',
  'backup.print.heading': 'Afdrukken voor collega’s',
  'backup.print.intro':
    'Open een samenvatting en druk die af (Ctrl+P of ⌘P); menu’s en knoppen komen niet op papier.',
  'backup.print.none': 'Maak eerst een plan; de samenvattingen verschijnen dan hier.',
  'backup.print.expectations': 'Verwachtingen, loop {n}',
  'backup.print.report': 'Resultatenrapport, loop {n}',
  'backup.error.empty': 'het bestand is leeg',
  'backup.error.notJson':
    'geen geldig JSON-bestand: onverwacht “{char}” op regel {line}, kolom {column}',
  'backup.error.jsonEndsEarly':
    'geen geldig JSON-bestand: het houdt op bij regel {line}, kolom {column}, voordat de back-up compleet is; het is misschien afgebroken',
  'backup.error.jsonOpenText':
    'geen geldig JSON-bestand: een tekst is niet afgesloten op regel {line}, kolom {column} (ontbreekt er een aanhalingsteken?)',
  'backup.error.notJsonNoPlace':
    'geen geldig JSON-bestand: het is misschien afgebroken of geen back-up',
  'backup.error.notABackup': 'geen back-up van Talentloop',
  'backup.error.versionMissing': 'het bestand noemt geen back-upversie',
  'backup.error.versionNotNumber':
    'de back-upversie is {found}; die moet een heel getal van 1 tot en met {supported} zijn',
  'backup.error.unknownVersion': 'onbekende back-upversie {version}',
  'backup.error.newerVersion':
    'gemaakt door een nieuwere Talentloop (back-upformaat {version}; deze versie leest tot en met {supported}). Werk Talentloop bij en importeer het daarna',
  'backup.error.forbiddenKey': 'de veldnaam {key} is niet toegestaan',
  'backup.error.duplicateId': 'het id {id} komt twee keer voor',
  'backup.error.dangling': 'verwijst naar {id}, dat niet in dit plan staat',
  'backup.error.duplicateTarget': 'een tweede doel voor KPI {id} in dezelfde loop',
  'backup.error.duplicateLoop': 'loopnummer {index} komt twee keer voor',
  'backup.error.duplicateYear': 'een tweede budget voor {year}',
};
