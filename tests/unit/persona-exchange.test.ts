import { describe, expect, it } from 'vitest';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import { ExchangeFileSchema, exportDefinitions, parseDefinitions } from '@/lib/domain/persona-exchange';
import { createPersona } from '../factories';

const now = new Date('2026-03-06T09:00:00.000Z');
const personas = [
  createPersona(),
  createPersona({ id: 'it', name: 'IT Buyer', rules: [{ kind: 'department', values: ['it'], weight: 1 }] }),
  createPersona({ id: 'fin', name: 'Finance Lead', rules: [{ kind: 'titleKeywords', keywords: ['cfo', 'finance'], weight: 3 }] }),
];
const reasons = [
  ...FEEDBACK_REASONS,
  { id: 'legacy_not_icp', verdict: 'bad' as const, group: 'rejection' as const, label: 'Not our ICP', retired: true },
];

/** A valid exported file as plain data, for tests to break one thing at a time. */
/** The exported file as raw JSON, which these tests corrupt on purpose. */
type RawFile = Record<string, unknown> & {
  personas: (Record<string, unknown> & { rules: Record<string, unknown>[] })[];
  reasons: Record<string, unknown>[];
};
const file = () => JSON.parse(exportDefinitions(personas, reasons, now)) as RawFile;
const parse = (data: unknown) => parseDefinitions(typeof data === 'string' ? data : JSON.stringify(data));
const errorOf = (data: unknown) => {
  const r = parse(data);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.error;
};

describe('exportDefinitions / parseDefinitions', () => {
  it('round-trips personas and reasons unchanged', () => {
    const text = exportDefinitions(personas, reasons, now);
    expect(text).toContain('\n  "kind": "leadlight-definitions"');
    const r = parseDefinitions(text);
    expect(r).toEqual({
      ok: true,
      value: { kind: 'leadlight-definitions', version: 1, exportedAt: '2026-03-06T09:00:00.000Z', personas, reasons },
    });
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseDefinitions(`\uFEFF${exportDefinitions(personas, reasons, now)}`).ok).toBe(true);
  });

  it('rejects text that is not JSON', () => {
    expect(errorOf('{ "kind": ')).toBe('This file is not valid JSON, so it cannot be a Leadlight definitions file.');
  });

  it.each([[[1, 2]], [null], [{ kind: 'hubspot-export' }], [{}]])('rejects a different kind of file: %j', (data) => {
    expect(errorOf(data)).toBe('This is not a Leadlight definitions file (it should say "kind": "leadlight-definitions").');
  });

  it('rejects unsupported versions, telling users when to update', () => {
    expect(errorOf({ ...file(), version: 2 })).toBe(
      'This file is version 2, made by a newer Leadlight; update the extension to import it.',
    );
    expect(errorOf({ ...file(), version: '1' })).toBe('Unsupported file version "1"; this Leadlight reads version 1.');
    expect(errorOf({ ...file(), version: undefined })).toBe('Unsupported file version null; this Leadlight reads version 1.');
  });

  it('names the persona, the rule and the path of an invalid rule', () => {
    const f = file();
    f.personas[2]!.rules[0]!.weight = 0;
    expect(errorOf(f)).toBe(
      'Persona "Finance Lead", rule 1 (titleKeywords): weight must be greater than 0 (at personas[2].rules[0].weight).',
    );
  });

  it('refuses a persona too large to score quickly for every contact, naming where', () => {
    const long = file();
    long.personas[2]!.rules[0]!.keywords = ['x'.repeat(201)];
    expect(errorOf(long)).toMatch(
      /^Persona "Finance Lead", rule 1 \(titleKeywords\): .*200.* \(at personas\[2\]\.rules\[0\]\.keywords\[0\]\)\.$/,
    );
    const many = file();
    many.personas[2]!.rules[0]!.keywords = Array.from({ length: 101 }, (_, i) => `title ${i}`);
    expect(errorOf(many)).toMatch(
      /^Persona "Finance Lead", rule 1 \(titleKeywords\): .*100.* \(at personas\[2\]\.rules\[0\]\.keywords\)\.$/,
    );
  });

  it('explains unknown rule kinds, missing fields and wrong types', () => {
    const f = file();
    f.personas[1]!.rules[0]!.kind = 'favouriteColour';
    delete f.personas[0]!.name;
    f.personas[0]!.rules[4]!.min = 'two hundred';
    const error = errorOf(f);
    expect(error).toContain('Persona 1: name is missing (at personas[0].name)');
    expect(error).toContain('Persona 1, rule 5 (companySize): min must be a number (at personas[0].rules[4].min)');
    expect(error).toContain(
      'Persona "IT Buyer", rule 1 (favouriteColour): kind "favouriteColour" is not a known kind; use one of titleKeywords, seniority, department, industry, companySize, engagement (at personas[1].rules[0].kind)',
    );
  });

  it('summarises long error lists', () => {
    const f = file();
    for (const p of f.personas) p.rules = [];
    f.exportedAt = 'yesterday';
    const error = errorOf(f);
    expect(error).toMatch(/; and 1 more problem\.$/);
    expect(error).toContain('The file: exportedAt must be a date and time such as 2026-03-01T09:00:00Z (at exportedAt)');
    expect(error).toContain('Persona "Operations Leader": rules must have at least 1 entry (at personas[0].rules)');
  });

  it('rejects duplicate persona and reason ids, naming the duplicate', () => {
    const f = file();
    f.personas[2]!.id = 'ops';
    expect(errorOf(f)).toBe('Persona "Finance Lead": Two personas share the id "ops"; each needs its own id (at personas[2].id).');
    const g = file();
    g.reasons.push({ id: 'no_budget', verdict: 'bad', group: 'disqualification', label: 'Budget gone' });
    expect(errorOf(g)).toBe(
      `Reason "no_budget": Two reasons share the id "no_budget"; each needs its own id (at reasons[${reasons.length}].id).`,
    );
  });

  it('rejects a reason whose group contradicts its verdict', () => {
    const f = file();
    f.reasons[0]!.group = 'rejection';
    expect(errorOf(f)).toMatch(/^Reason "right_persona": A good-verdict reason must be in the "good" group.*\(at reasons\[0\]\.group\)\.$/);
    f.reasons[0]!.verdict = 'maybe';
    expect(errorOf(f)).toContain('Reason "right_persona": verdict must be one of "good", "bad" (at reasons[0].verdict)');
  });

  it('rejects files over 1 MB before parsing them', () => {
    const big = JSON.stringify({ ...file(), padding: 'x'.repeat(1024 * 1024) });
    expect(errorOf(big)).toMatch(/^This file is larger than 1 MB/);
  });

  it('never throws and never shows raw schema messages', () => {
    const inputs = [
      '',
      'null',
      '"text"',
      '[]',
      '{"kind":"leadlight-definitions","version":1}',
      JSON.stringify({ ...file(), personas: 'none' }),
    ];
    for (const input of inputs) {
      const r = parseDefinitions(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).not.toMatch(/Invalid input|Too small|expected .* received/);
    }
    expect(errorOf({ kind: 'leadlight-definitions', version: 1 })).toContain('The file: exportedAt is missing (at exportedAt)');
  });

  it('exposes the schema for callers that already hold parsed data', () => {
    expect(ExchangeFileSchema.safeParse(file()).success).toBe(true);
  });
});
