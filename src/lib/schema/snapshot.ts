import { z } from 'zod/mini';
import type { BackupFile } from '$lib/backup/format';
import { idSchema, timestampSchema } from './common';

const count = z.int().check(z.minimum(0));

/**
 * The data as it was before an import, kept (table `snapshots`) so the import can be undone:
 * when it was taken, how many plans and rows it holds, and the data itself as a backup file.
 * The file is not re-checked here; restoring writes it back exactly as it was stored.
 */
export const snapshotSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  plans: count,
  rows: count,
  file: z.custom<BackupFile>((value) => typeof value === 'object' && value !== null),
});

export type SnapshotRow = z.infer<typeof snapshotSchema>;
