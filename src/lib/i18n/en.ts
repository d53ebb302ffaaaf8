/**
 * English messages. The keys of this object are the message keys of the app; `nl.ts` must
 * have exactly the same keys (the type checker and a unit test both enforce it).
 * Placeholders are written `{name}` and must appear in both languages.
 */
export const en = {
  'app.name': 'Talentloop',
  'app.tagline': 'Recruitment marketing, measured in learning loops',
  'app.skipToContent': 'Skip to main content',
  'app.languageFailed':
    'The other language could not be loaded. Check the connection, or reload the page.',
  'app.language': 'Language',
  'app.mainNav': 'Main',
  'app.loading': 'Loading…',

  'nav.plans': 'Plans',
  'nav.backup': 'Backup & print',
  'nav.settings': 'Settings',
  'nav.method': 'How Talentloop decides',
  'shortcut.numbers': 'Enter numbers',

  'plans.title': 'Plans',
  'plans.empty.heading': 'No plans yet',
  'plans.empty.line1':
    'Talentloop helps you decide what to measure in recruitment marketing and employer branding, and what success means.',
  'plans.empty.line2':
    'You work in fixed learning loops, compare each loop fairly with the one before, and see whether a change is real or noise.',
  'plans.empty.line3': 'Everything stays on this device. Nothing is sent anywhere.',
  'plans.create': 'Create a plan',
  'plans.createFirst': 'Create your first plan',
  'plans.importBackup': 'Import a backup',
  'plans.tryExample': 'Try with example data',
  'plans.tryExample.hint':
    'Creates a demo plan with six loops of numbers, clearly marked as an example. Delete it when you are done.',
  'plans.exampleBadge': 'Example',
  'plans.listLabel': 'Your plans',
  'plans.organisation': 'Organisation',
  'plans.currentLoop.one': 'Loop {n} now, 1 day left',
  'plans.currentLoop.other': 'Loop {n} now, {days} days left',
  'plans.startsOn': 'First loop starts {date}',
  'plans.loopsStarted': 'Loops set up: {n}',
  'plans.lastChange': 'Last change {when}',
  'plans.rename': 'Rename',
  'plans.renameNamed': 'Rename {name}',
  'plans.nameRequired': 'Enter the name of the organisation.',
  'plans.renameTitle': 'Rename plan',
  'plans.duplicate': 'Duplicate',
  'plans.duplicateNamed': 'Duplicate {name}',
  'plans.copyName': '{name} (copy)',
  'plans.delete': 'Delete',
  'plans.deleteNamed': 'Delete {name}',
  'plans.deleteTitle': 'Delete the plan for {name}?',
  'plans.deleteBody':
    'Its loops, KPIs, targets and numbers are deleted from this device. You can undo this for 30 seconds; after that only a backup brings it back.',
  'plans.deleted': 'Plan {name} deleted.',
  'plans.actionFailed': 'That did not work: {reason}. Nothing was changed.',
  'text.full':
    'This field holds at most {max, plural, one {# character} other {# characters}}; text beyond that was not added.',
  'text.restored':
    'What you typed on {when} was not yet saved when the page closed; it is back in the field and is saved now.',
  'number.restored':
    'The number you typed on {when} was not yet saved when the page closed; it is back in the field and is saved now.',
  'number.clash':
    '{field}: before the page closed you typed {mine}, which was not saved; the stored value has changed to {stored} since. Choose which to keep.',
  'number.clash.mine': 'Keep {value}',
  'number.clash.stored': 'Use {value}',
  'text.conflict.title': '{field} was changed elsewhere.',
  'text.conflict.body':
    'Another tab or window saved its own text here after you started typing. Your text is still in the field and has not been saved; the newer text is below. Choose what to keep.',
  'text.conflict.bodyRestored':
    'The text in the field is what you typed before the page closed; it was not saved, and the stored text has changed since. Choose what to keep.',
  'text.conflict.newer': 'Newer text, saved elsewhere:',
  'text.conflict.mine': 'Keep my text',
  'text.conflict.both': 'Keep both (newer text first)',
  'text.conflict.newerChoice': 'Use the newer text',
  'failure.unavailable': 'the storage of this browser cannot be used right now',
  'failure.dbDeleted':
    'Talentloop’s data in this browser was deleted in another tab, so this was not saved',
  'failure.wrongPlan': 'this change belonged to a plan that is no longer open; reload the page',
  'failure.planGone': 'this plan no longer exists (deleted in another tab?)',
  'failure.stale':
    'this was changed in another tab or window meanwhile; nothing was overwritten, choose what to keep',
  'failure.codeGone':
    'this tab could not load part of the app, because a newer version was installed in another tab. What you typed is not lost: reload the page to save it',
  'failure.diskFull':
    'the device is out of storage space, so this was not saved. Export a backup, delete plans you no longer need (such as the example), or free space on the device, then try again',
  'failure.unexpected': 'unexpected error ({reason})',
  'undo.action': 'Undo',
  'undo.dismiss': 'Close this message',
  'undo.failed': 'Undo failed: {reason}',
  'dialog.cancel': 'Cancel',

  'loops.title': 'Loops',

  'backup.title': 'Backup & print',

  'settings.title': 'Settings',
  'settings.general': 'General',
  'settings.defaultCurrency': 'Default currency for new plans',
  'settings.defaultCurrency.help': 'Three letters, for example EUR.',
  'settings.backupReminderDays': 'Suggest a backup after this many days with changes',
  'settings.saved': 'Saved',
  'settings.notSaved': 'Not saved: {reason}',
  'settings.storage': 'Storage on this device',
  'settings.storage.persisted':
    'Persistent: the browser keeps Talentloop data even when disk space runs low.',
  'settings.storage.notPersisted':
    'Not persistent: the browser may clear Talentloop data when disk space runs low. Export backups regularly.',
  'settings.storage.unknown': 'This browser does not say whether storage is persistent.',
  'settings.storage.usage': '{used} used of {quota} available',
  'settings.storage.usageUnknown': 'This browser does not report how much space is used.',
  'settings.storage.where':
    'Your plans live in this browser on this device (IndexedDB). Clearing the browser’s site data deletes them, so keep an exported backup.',
  'settings.version': 'Version {version}',

  'error.notADate': 'not a date (YYYY-MM-DD)',
  'error.notATimestamp': 'not a date and time (YYYY-MM-DDThh:mm:ssZ)',
  'error.tooLarge': 'too large to be a real value',
  'reminder.label': 'Backup reminder',
  'reminder.never':
    'You have not downloaded a backup yet. Your plans live only in this browser; a backup file keeps them safe.',
  'reminder.due':
    'Your last backup is {days, plural, one {# day} other {# days}} old, and plans changed since: {count}. Your plans live only in this browser.',
  'reminder.export': 'Make a backup',
  'reminder.later': 'Not now',
  'keepData.label': 'Keeping your data',
  'keepData.refused':
    'This browser did not agree to keep Talentloop’s data for good: it may delete your plans when the device runs low on space. Install Talentloop as an app (the install button in the address bar, or Add to Home Screen on a phone) and keep a backup file.',
  'keepData.safari':
    'Safari deletes the data of a website that has not been opened for 7 days, and with it your plans. Add Talentloop to the Dock (Mac: File › Add to Dock) or to the Home Screen (iPhone and iPad: Share › Add to Home Screen), open it from there, and keep a backup file.',
  'keepData.backup': 'Save a backup file',
  'keepData.hide': 'Hide for {days, plural, one {# day} other {# days}}',
  'error.notFinite': 'not a finite number',
  'error.negative': 'must not be negative',
  'error.endBeforeStart': 'end is before start',
  'error.notACurrency': 'not a currency code (three capital letters, like EUR)',
  'error.missing': 'missing',
  'error.invalidType': 'wrong kind of value',
  'error.expectedNumber': 'wrong kind of value (expected a number)',
  'error.expectedText': 'wrong kind of value (expected text)',
  'error.expectedYesNo': 'wrong kind of value (expected true or false)',
  'error.expectedList': 'wrong kind of value (expected a list)',
  'error.expectedRecord': 'wrong kind of value (expected a group of fields)',
  'error.tooShort':
    'too short (at least {minimum, plural, one {# character} other {# characters}})',
  'error.tooLong': 'too long (at most {maximum, plural, one {# character} other {# characters}})',
  'error.tooFewItems': 'too few items (at least {minimum})',
  'error.tooManyItems': 'too many items (at most {maximum})',
  'error.tooSmall': 'too small (at least {minimum})',
  'error.tooBig': 'too large (at most {maximum})',
  'error.notAnOption': 'not one of the allowed values ({options})',
  'error.unknownKeys': 'unknown fields: {keys}',
  'error.invalidFormat': 'not in the expected format',
  'error.invalidValue': 'not a valid value',
  'error.wholeNumberRange': 'a whole number from {min} to {max}',

  'domain.error.invalidDate': '{field}: “{value}” is not a date (YYYY-MM-DD)',
  'domain.error.emptyDate': '{field}: fill in a date',
  'domain.error.invertedRange': '{field}: the end ({value}) is before the start',
  'domain.error.invalidLoopLength': '{field}: a loop lasts 2 weeks to 6 months, not {value}',
  'domain.error.invalidLoopIndex': '{field}: there is no loop number {value}',
  'domain.error.unknownKpi': '{field}: “{value}” is not a known KPI',
  'domain.error.notFinite': '{field}: “{value}” is not a usable number',
  'domain.error.negativeCount': '{field}: a count cannot be negative ({value})',
  'domain.error.notACount': '{field}: {value} is not a whole count',
  'domain.error.invalidStep': '{field}: the step must be between 0 and 1000 %, not {value}',
  'domain.error.emptyNumber': '{field}: enter a number',
  'domain.error.notANumber': '{field}: “{value}” is not a number',
  'domain.error.wrongDecimalSeparator':
    '{field}: “{value}” — use a point for decimals, like 1,200.5',
  'domain.error.numberTooLarge': '{field}: “{value}” is too large',
  'domain.error.dateOutOfRange':
    '{field}: {value} is outside the years a plan can span (2000–2099)',
  'domain.error.baselineNotBeforeLoop':
    '{field}: the baseline must end before the first loop starts, not on {value}',
  'domain.error.judgementBeforeLoopEnd':
    '{field}: results can only be judged once the loop has ended, on {value} or later',
  'domain.error.judgementTooLate':
    '{field}: {value} is more than a year after the loop ends; choose a date closer to it',
  'domain.error.negativeValue': '{field}: {value} cannot be negative',
  'domain.error.percentOverHundred': '{field}: a percentage is at most 100, not {value}',
  'domain.error.notADuration':
    '{field}: “{value}” is not a duration; write minutes and seconds as 1:14 or 1m 14s, or seconds as 74',
  'domain.error.durationPartOver59':
    '{field}: “{value}”: minutes and seconds after a colon run from 00 to 59',

  'problems.heading': 'Some stored data could not be read',
  'problems.intro':
    'These records were skipped and left as they are; everything else loaded normally.',
  'problems.item': '{where} “{key}”: {issues}',
  'problems.localStorage': 'Saved preference “{key}” was not understood and the default is used.',
  'problems.dbOpenFailed':
    'The database on this device could not be opened ({reason}). Talentloop works, but nothing can be saved until this is solved.',
  'problems.dbNewer':
    'The data on this device was saved by a newer version of Talentloop. Reload the page to get that version.',
  'problems.dismiss': 'Hide this message',

  'db.outdated':
    'Talentloop was updated in another tab. Reload this tab to continue; your saved data is safe.',
  'db.blocked':
    'Talentloop is waiting for another tab with an older version to close. Close the other Talentloop tabs.',
  'db.deleted':
    'Talentloop’s data in this browser was deleted in another tab (or by clearing the site’s data). What this tab shows is no longer stored, and nothing more is saved here. Restore your plans from a backup file, or reload to start again.',
  'db.restore': 'Restore a backup',
  'db.stalled':
    'The browser’s storage does not answer, so your data cannot be shown yet; this page keeps waiting. Usually another Talentloop tab or window holds it: close the other Talentloop tabs, then reload this one. If that does not help, restart the browser.',
  'db.reload': 'Reload',

  'pwa.updateReady': 'A new version of Talentloop is ready.',
  'pwa.activeElsewhere':
    'A newer version of Talentloop is now active in another tab. This tab still runs the old one: reload it to keep saving safely. What you typed is kept.',
  'pwa.wouldLose': 'Reloading now discards what you entered and did not add yet: {forms}.',
  'pwa.aForm': 'a form',
  'pwa.reloadAnyway': 'Reload anyway',
  'pwa.keepEditing': 'Keep editing',
  'pwa.reload': 'Reload to update',
  'pwa.later': 'Later',
  'pwa.offlineReady': 'Talentloop is ready to work offline.',
  'pwa.dismiss': 'Close',

  'notFound.title': 'Page not found',
  'notFound.body': 'This page does not exist in Talentloop.',
  'notFound.home': 'Go to your plans',
  'error.page.title': 'Something went wrong',
  'error.page.body': 'Talentloop could not show this page. Your saved data is not affected.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
