import type { Messages } from './en';

/** Dutch messages: exactly the keys of `en.ts`, with the same `{placeholders}`. */
export const nl: Messages = {
  'app.name': 'Talentloop',
  'app.tagline': 'Recruitmentmarketing meten in leerloops',
  'app.skipToContent': 'Naar de hoofdinhoud',
  'app.languageFailed':
    'De andere taal kon niet worden geladen. Controleer de verbinding of laad de pagina opnieuw.',
  'app.language': 'Taal',
  'app.mainNav': 'Hoofdmenu',
  'app.loading': 'Laden…',

  'nav.plans': 'Plannen',
  'nav.backup': 'Back-up & afdrukken',
  'nav.settings': 'Instellingen',
  'nav.method': 'Hoe Talentloop beslist',
  'shortcut.numbers': 'Cijfers invoeren',

  'plans.title': 'Plannen',
  'plans.empty.heading': 'Nog geen plannen',
  'plans.empty.line1':
    'Talentloop helpt je bepalen wat je meet in recruitmentmarketing en werkgeversmarketing, en wat succes betekent.',
  'plans.empty.line2':
    'Je werkt in vaste leerloops, vergelijkt elke loop eerlijk met de vorige en ziet of een verandering echt is of ruis.',
  'plans.empty.line3': 'Alles blijft op dit apparaat. Er wordt niets verstuurd.',
  'plans.create': 'Plan maken',
  'plans.createFirst': 'Maak je eerste plan',
  'plans.importBackup': 'Back-up importeren',
  'plans.tryExample': 'Probeer met voorbeeldgegevens',
  'plans.tryExample.hint':
    'Maakt een demoplan met zes loops aan cijfers, duidelijk gemarkeerd als voorbeeld. Verwijder het als je klaar bent.',
  'plans.exampleBadge': 'Voorbeeld',
  'plans.listLabel': 'Je plannen',
  'plans.organisation': 'Organisatie',
  'plans.currentLoop.one': 'Nu loop {n}, nog 1 dag',
  'plans.currentLoop.other': 'Nu loop {n}, nog {days} dagen',
  'plans.startsOn': 'Eerste loop begint op {date}',
  'plans.loopsStarted': 'Loops opgezet: {n}',
  'plans.lastChange': 'Laatst gewijzigd {when}',
  'plans.rename': 'Naam wijzigen',
  'plans.renameNamed': 'Naam wijzigen van {name}',
  'plans.nameRequired': 'Vul de naam van de organisatie in.',
  'plans.renameTitle': 'Naam van het plan wijzigen',
  'plans.duplicate': 'Dupliceren',
  'plans.duplicateNamed': '{name} dupliceren',
  'plans.copyName': '{name} (kopie)',
  'plans.delete': 'Verwijderen',
  'plans.deleteNamed': '{name} verwijderen',
  'plans.deleteTitle': 'Het plan voor {name} verwijderen?',
  'plans.deleteBody':
    'De loops, KPI’s, doelen en cijfers worden van dit apparaat verwijderd. Je kunt dit 30 seconden ongedaan maken; daarna brengt alleen een back-up het terug.',
  'plans.deleted': 'Plan {name} verwijderd.',
  'plans.actionFailed': 'Dat lukte niet: {reason}. Er is niets veranderd.',
  'text.full':
    'Dit veld bevat hoogstens {max, plural, one {# teken} other {# tekens}}; tekst daarna is niet toegevoegd.',
  'text.restored':
    'Wat je op {when} typte was nog niet bewaard toen de pagina sloot; het staat weer in het veld en is nu bewaard.',
  'number.restored':
    'Het getal dat je op {when} typte was nog niet bewaard toen de pagina sloot; het staat weer in het veld en is nu bewaard.',
  'number.clash':
    '{field}: voordat de pagina sloot typte je {mine}, maar dat was niet bewaard; de bewaarde waarde is sindsdien {stored}. Kies wat je houdt.',
  'number.clash.mine': '{value} houden',
  'number.clash.stored': '{value} gebruiken',
  'text.conflict.title': '{field} is ergens anders gewijzigd.',
  'text.conflict.body':
    'Een ander tabblad of venster heeft hier eigen tekst bewaard nadat jij begon te typen. Jouw tekst staat nog in het veld en is niet bewaard; de nieuwere tekst staat hieronder. Kies wat je houdt.',
  'text.conflict.bodyRestored':
    'De tekst in het veld typte je voordat de pagina sloot; die was niet bewaard, en de bewaarde tekst is sindsdien gewijzigd. Kies wat je houdt.',
  'text.conflict.newer': 'Nieuwere tekst, ergens anders bewaard:',
  'text.conflict.mine': 'Mijn tekst houden',
  'text.conflict.both': 'Allebei houden (nieuwere tekst eerst)',
  'text.conflict.newerChoice': 'De nieuwere tekst gebruiken',
  'failure.unavailable': 'de opslag van deze browser is nu niet te gebruiken',
  'failure.dbDeleted':
    'de gegevens van Talentloop in deze browser zijn in een ander tabblad verwijderd, dus dit is niet bewaard',
  'failure.wrongPlan':
    'deze wijziging hoorde bij een plan dat niet meer open is; laad de pagina opnieuw',
  'failure.planGone': 'dit plan bestaat niet meer (verwijderd in een ander tabblad?)',
  'failure.stale':
    'dit is intussen in een ander tabblad of venster gewijzigd; er is niets overschreven, kies wat je houdt',
  'failure.codeGone':
    'dit tabblad kon een deel van de app niet laden, omdat in een ander tabblad een nieuwere versie is geïnstalleerd. Wat je typte is niet kwijt: laad de pagina opnieuw om het te bewaren',
  'failure.diskFull':
    'het apparaat heeft geen opslagruimte meer, dus dit is niet bewaard. Exporteer een back-up, verwijder plannen die je niet meer nodig hebt (zoals het voorbeeld) of maak ruimte vrij op het apparaat, en probeer het opnieuw',
  'failure.unexpected': 'onverwachte fout ({reason})',
  'undo.action': 'Ongedaan maken',
  'undo.dismiss': 'Deze melding sluiten',
  'undo.failed': 'Ongedaan maken mislukt: {reason}',
  'dialog.cancel': 'Annuleren',

  'loops.title': 'Leerloops',

  'backup.title': 'Back-up & afdrukken',

  'settings.title': 'Instellingen',
  'settings.general': 'Algemeen',
  'settings.defaultCurrency': 'Standaardvaluta voor nieuwe plannen',
  'settings.defaultCurrency.help': 'Drie letters, bijvoorbeeld EUR.',
  'settings.backupReminderDays': 'Stel een back-up voor na zoveel dagen met wijzigingen',
  'settings.saved': 'Opgeslagen',
  'settings.notSaved': 'Niet opgeslagen: {reason}',
  'settings.storage': 'Opslag op dit apparaat',
  'settings.storage.persisted':
    'Blijvend: de browser bewaart de gegevens van Talentloop ook als de schijf vol raakt.',
  'settings.storage.notPersisted':
    'Niet blijvend: de browser kan de gegevens van Talentloop wissen als de schijf vol raakt. Maak regelmatig een back-up.',
  'settings.storage.unknown': 'Deze browser vertelt niet of de opslag blijvend is.',
  'settings.storage.usage': '{used} gebruikt van {quota} beschikbaar',
  'settings.storage.usageUnknown': 'Deze browser meldt niet hoeveel ruimte in gebruik is.',
  'settings.storage.where':
    'Je plannen staan in deze browser op dit apparaat (IndexedDB). Wie de sitegegevens van de browser wist, wist ze ook; bewaar dus een geëxporteerde back-up.',
  'settings.version': 'Versie {version}',

  'error.notADate': 'geen datum (JJJJ-MM-DD)',
  'error.notATimestamp': 'geen datum en tijd (JJJJ-MM-DDTuu:mm:ssZ)',
  'error.tooLarge': 'te groot om een echte waarde te zijn',
  'reminder.label': 'Herinnering voor een back-up',
  'reminder.never':
    'Je hebt nog geen back-up gedownload. Je plannen staan alleen in deze browser; een back-upbestand houdt ze veilig.',
  'reminder.due':
    'Je laatste back-up is {days, plural, one {# dag} other {# dagen}} oud, en plannen gewijzigd sindsdien: {count}. Je plannen staan alleen in deze browser.',
  'reminder.export': 'Back-up maken',
  'reminder.later': 'Niet nu',
  'keepData.label': 'Je gegevens bewaren',
  'keepData.refused':
    'Deze browser heeft niet toegezegd de gegevens van Talentloop te bewaren: hij kan je plannen wissen als het apparaat bijna vol is. Installeer Talentloop als app (de installatieknop in de adresbalk, of Zet op beginscherm op een telefoon) en houd een back-upbestand bij.',
  'keepData.safari':
    'Safari wist de gegevens van een website die 7 dagen niet is geopend, en daarmee je plannen. Zet Talentloop in het Dock (Mac: Archief › Voeg toe aan Dock) of op het beginscherm (iPhone en iPad: Deel › Zet op beginscherm), open het daarvandaan, en houd een back-upbestand bij.',
  'keepData.backup': 'Back-upbestand bewaren',
  'keepData.hide': '{days, plural, one {# dag} other {# dagen}} verbergen',
  'error.notFinite': 'geen eindig getal',
  'error.negative': 'mag niet negatief zijn',
  'error.endBeforeStart': 'einde ligt vóór begin',
  'error.notACurrency': 'geen valutacode (drie hoofdletters, zoals EUR)',
  'error.missing': 'ontbreekt',
  'error.invalidType': 'verkeerd soort waarde',
  'error.expectedNumber': 'verkeerd soort waarde (verwacht: een getal)',
  'error.expectedText': 'verkeerd soort waarde (verwacht: tekst)',
  'error.expectedYesNo': 'verkeerd soort waarde (verwacht: true of false)',
  'error.expectedList': 'verkeerd soort waarde (verwacht: een lijst)',
  'error.expectedRecord': 'verkeerd soort waarde (verwacht: een groep velden)',
  'error.tooShort': 'te kort (minstens {minimum, plural, one {# teken} other {# tekens}})',
  'error.tooLong': 'te lang (hoogstens {maximum, plural, one {# teken} other {# tekens}})',
  'error.tooFewItems': 'te weinig onderdelen (minstens {minimum})',
  'error.tooManyItems': 'te veel onderdelen (hoogstens {maximum})',
  'error.tooSmall': 'te klein (minstens {minimum})',
  'error.tooBig': 'te groot (hoogstens {maximum})',
  'error.notAnOption': 'geen van de toegestane waarden ({options})',
  'error.unknownKeys': 'onbekende velden: {keys}',
  'error.invalidFormat': 'niet in de verwachte vorm',
  'error.invalidValue': 'geen geldige waarde',
  'error.wholeNumberRange': 'een geheel getal van {min} tot en met {max}',

  'domain.error.invalidDate': '{field}: “{value}” is geen datum (JJJJ-MM-DD)',
  'domain.error.emptyDate': '{field}: vul een datum in',
  'domain.error.invertedRange': '{field}: het einde ({value}) ligt vóór het begin',
  'domain.error.invalidLoopLength': '{field}: een loop duurt 2 weken tot 6 maanden, niet {value}',
  'domain.error.invalidLoopIndex': '{field}: er is geen loop nummer {value}',
  'domain.error.unknownKpi': '{field}: “{value}” is geen bekende KPI',
  'domain.error.notFinite': '{field}: “{value}” is geen bruikbaar getal',
  'domain.error.negativeCount': '{field}: een aantal kan niet negatief zijn ({value})',
  'domain.error.notACount': '{field}: {value} is geen heel aantal',
  'domain.error.invalidStep': '{field}: de stap moet tussen 0 en 1000 % liggen, niet {value}',
  'domain.error.emptyNumber': '{field}: vul een getal in',
  'domain.error.notANumber': '{field}: “{value}” is geen getal',
  'domain.error.wrongDecimalSeparator':
    '{field}: “{value}” — gebruik een komma voor decimalen, zoals 1.200,5',
  'domain.error.numberTooLarge': '{field}: “{value}” is te groot',
  'domain.error.dateOutOfRange':
    '{field}: {value} ligt buiten de jaren die een plan kan beslaan (2000–2099)',
  'domain.error.baselineNotBeforeLoop':
    '{field}: de 0-meting moet eindigen voordat de eerste loop begint, niet op {value}',
  'domain.error.judgementBeforeLoopEnd':
    '{field}: resultaten kun je pas beoordelen als de loop voorbij is, op {value} of later',
  'domain.error.judgementTooLate':
    '{field}: {value} is meer dan een jaar na het einde van de loop; kies een datum die dichterbij ligt',
  'domain.error.negativeValue': '{field}: {value} kan niet negatief zijn',
  'domain.error.percentOverHundred': '{field}: een percentage is hoogstens 100, niet {value}',
  'domain.error.notADuration':
    '{field}: “{value}” is geen duur; schrijf minuten en seconden als 1:14 of 1 min 14 s, of seconden als 74',
  'domain.error.durationPartOver59':
    '{field}: “{value}”: minuten en seconden na een dubbele punt lopen van 00 tot 59',

  'problems.heading': 'Sommige opgeslagen gegevens konden niet worden gelezen',
  'problems.intro':
    'Deze records zijn overgeslagen en ongewijzigd gelaten; al het andere is gewoon geladen.',
  'problems.item': '{where} “{key}”: {issues}',
  'problems.localStorage':
    'Opgeslagen voorkeur “{key}” werd niet begrepen; de standaardwaarde wordt gebruikt.',
  'problems.dbOpenFailed':
    'De database op dit apparaat kon niet worden geopend ({reason}). Talentloop werkt, maar er kan niets worden opgeslagen tot dit is opgelost.',
  'problems.dbNewer':
    'De gegevens op dit apparaat zijn opgeslagen door een nieuwere versie van Talentloop. Laad de pagina opnieuw om die versie te krijgen.',
  'problems.dismiss': 'Deze melding verbergen',

  'db.outdated':
    'Talentloop is in een ander tabblad bijgewerkt. Laad dit tabblad opnieuw om verder te gaan; je opgeslagen gegevens zijn veilig.',
  'db.blocked':
    'Talentloop wacht tot een ander tabblad met een oudere versie sluit. Sluit de andere tabbladen met Talentloop.',
  'db.deleted':
    'De gegevens van Talentloop in deze browser zijn in een ander tabblad verwijderd (of door het wissen van de sitegegevens). Wat dit tabblad toont, is niet meer opgeslagen, en hier wordt niets meer bewaard. Zet je plannen terug uit een back-upbestand, of laad opnieuw om opnieuw te beginnen.',
  'db.restore': 'Back-up terugzetten',
  'db.stalled':
    'De opslag van de browser antwoordt niet, dus je gegevens kunnen nog niet worden getoond; deze pagina blijft wachten. Meestal houdt een ander Talentloop-tabblad of -venster de opslag vast: sluit de andere Talentloop-tabbladen en laad deze pagina opnieuw. Helpt dat niet, start dan de browser opnieuw.',
  'db.reload': 'Opnieuw laden',

  'pwa.updateReady': 'Er staat een nieuwe versie van Talentloop klaar.',
  'pwa.activeElsewhere':
    'In een ander tabblad draait nu een nieuwere versie van Talentloop. Dit tabblad draait nog de oude: laad het opnieuw om veilig te blijven bewaren. Wat je typte blijft staan.',
  'pwa.wouldLose':
    'Nu opnieuw laden gooit weg wat je hebt ingevuld en nog niet hebt toegevoegd: {forms}.',
  'pwa.aForm': 'een formulier',
  'pwa.reloadAnyway': 'Toch opnieuw laden',
  'pwa.keepEditing': 'Verder bewerken',
  'pwa.reload': 'Opnieuw laden en bijwerken',
  'pwa.later': 'Later',
  'pwa.offlineReady': 'Talentloop werkt nu ook offline.',
  'pwa.dismiss': 'Sluiten',

  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Deze pagina bestaat niet in Talentloop.',
  'notFound.home': 'Naar je plannen',
  'error.page.title': 'Er ging iets mis',
  'error.page.body':
    'Talentloop kon deze pagina niet tonen. Je opgeslagen gegevens blijven ongemoeid.',
};
