/** A fresh record id: a random UUID, so records from two devices never clash when merged. */
export function newId(): string {
  return crypto.randomUUID();
}
