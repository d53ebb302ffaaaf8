import type { Page } from '@playwright/test';

/** A stored value as the e2e specs look at it (the fields they compare). */
export type StoredValue = {
  id: string;
  planId: string;
  kpiId: string;
  start: string;
  end: string;
  value: number | null;
  source: string;
  channel?: string;
  note?: string;
};

/**
 * Every value in the app's database, read with plain IndexedDB calls: the records of periods
 * of a month or longer, and the values of the month packs (schema v3) unpacked here, so a spec
 * sees what is stored without the app's code. Sorted by id.
 */
export function storedValues(page: Page): Promise<StoredValue[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('talentloop')) return [];
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
      });
    const db = await req(indexedDB.open('talentloop'));
    try {
      if (!db.objectStoreNames.contains('measurementPacks')) return [];
      const tx = db.transaction(['measurements', 'measurementPacks']);
      const rows = (await req(tx.objectStore('measurements').getAll())) as StoredValue[];
      type Pack = {
        planId: string;
        kpiId: string;
        channel: string;
        month: string;
        ids: string[];
        days: number[];
        ends?: number[];
        values: (number | null)[];
        source: string;
        sources?: string[];
        notes?: (string | null)[];
      };
      const packs = (await req(tx.objectStore('measurementPacks').getAll())) as Pack[];
      const date = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
      for (const p of packs)
        p.ids.forEach((id, i) => {
          const row: StoredValue = {
            id,
            planId: p.planId,
            kpiId: p.kpiId,
            start: date(p.month, p.days[i]!),
            end: date(p.month, (p.ends ?? p.days)[i]!),
            value: p.values[i]!,
            source: p.sources?.[i] ?? p.source,
          };
          if (p.channel) row.channel = p.channel;
          const note = p.notes?.[i];
          if (typeof note === 'string') row.note = note;
          rows.push(row);
        });
      return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    } finally {
      db.close();
    }
  });
}

/** How many values the app's database holds (records, and the values in the month packs). */
export function countStoredValues(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('talentloop')) return 0;
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('request failed'));
      });
    const db = await req(indexedDB.open('talentloop'));
    try {
      if (!db.objectStoreNames.contains('measurementPacks')) return 0;
      const tx = db.transaction(['measurements', 'measurementPacks']);
      let count = await req(tx.objectStore('measurements').count());
      const packs = (await req(tx.objectStore('measurementPacks').getAll())) as { ids: string[] }[];
      for (const pack of packs) count += pack.ids.length;
      return count;
    } finally {
      db.close();
    }
  });
}
