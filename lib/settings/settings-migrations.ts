/**
 * Settings as earlier versions of Leadlight stored them, brought to the current
 * shape before they are validated. Each step recognises its own input and leaves
 * anything else alone, so every step runs on every read; a fixture per step in
 * tests/fixtures/settings/ shows what it turns into what.
 */
type Stored = Record<string, unknown>;

const isRecord = (v: unknown): v is Stored => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Before verdicts could set fields picked from the org's describe, one typed field on
 * both Lead and Contact received "Good" or "Bad" for every verdict, hand-offs included.
 */
function salesforceWriteBackField(stored: Stored): Stored {
  const sf = stored.salesforce;
  if (!isRecord(sf) || !('writeBackField' in sf)) return stored;
  const { writeBackField, ...rest } = sf;
  if (typeof writeBackField !== 'string' || !writeBackField || rest.verdictFields !== undefined) return { ...stored, salesforce: rest };
  const verdict = { field: writeBackField, values: { good: 'Good', bad: 'Bad', accepted: 'Good', rejected: 'Bad' } };
  return { ...stored, salesforce: { ...rest, verdictFields: { Lead: { verdict }, Contact: { verdict } } } };
}

const STEPS: readonly ((stored: Stored) => Stored)[] = [salesforceWriteBackField];

/** The stored settings in today's shape (still unvalidated). */
export function migrateStoredSettings(stored: Stored): Stored {
  return STEPS.reduce((s, step) => step(s), stored);
}
