import type { Rng } from './random';

/**
 * Fixed "today" of the demo world. Anchoring every date to it (rather than to the
 * install time) keeps the dataset identical everywhere, so tests and docs can
 * quote exact dates.
 */
export const DEMO_NOW = '2026-11-20T09:00:00.000Z';
export const DEMO_NOW_MS = Date.parse(DEMO_NOW);

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Oldest date the demo history reaches back to (18 months before DEMO_NOW). */
export const DEMO_START_MS = Date.parse('2025-05-20T09:00:00.000Z');

/** Milliseconds to the ISO string the schemas expect. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Parses a date-only or full ISO string to milliseconds. */
export function ms(date: string): number {
  const value = Date.parse(date);
  if (Number.isNaN(value)) throw new Error(`Bad demo date: ${date}`);
  return value;
}

/**
 * A random instant in [from, to] during European/US-East working hours (07–19 UTC),
 * rounded to the minute: people open mail and register at work, and whole minutes
 * match what marketing systems store. Clamped, so it never leaves the range.
 */
export function randomInstant(rng: Rng, from: number, to: number): number {
  const upper = Math.max(from, to);
  const day = from + Math.floor(rng.next() * (upper - from + 1));
  const dayStart = day - (day % DAY_MS);
  const value = dayStart + 7 * HOUR_MS + Math.floor(rng.next() * 12 * 60) * 60_000;
  return Math.max(from, Math.min(upper, value));
}
