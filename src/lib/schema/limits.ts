/**
 * Limits of stored fields that code outside the schemas needs too (the CSV worker), kept
 * free of zod so that importing one costs nothing.
 */

/** Longest channel name ("LinkedIn", "Indeed", a name the user gives). */
export const CHANNEL_MAX = 60;
