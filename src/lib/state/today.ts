/** Today's date on this device as `YYYY-MM-DD` (local time: the user's calendar day). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This moment as an ISO timestamp in UTC, as records store their changes. */
export function nowStamp(): string {
  return new Date().toISOString();
}
