import { describe, expect, it } from 'vitest';
import type { Contact } from '@/lib/domain/contact';
import { matchPersona, rankPersonas } from '@/lib/domain/persona-match';
import { createContact, createPersona, createTouch } from '../factories';

describe('matchPersona', () => {
  const persona = createPersona();

  it('scores 100 when every rule holds and explains each', () => {
    const touches = [createTouch(), createTouch({ assetType: 'case_study' })];
    const m = matchPersona(persona, createContact(), touches);
    expect(m.score).toBe(100);
    expect(m.rules.every((r) => r.matched)).toBe(true);
    expect(m.rules.find((r) => r.kind === 'titleKeywords')?.detail).toContain('operations');
    expect(m.rules.find((r) => r.kind === 'engagement')?.detail).toBe('2 touches from webinars or case studies (2 needed)');
  });

  it('weights partial matches', () => {
    // Title (40) and seniority (20) hold; department, industry, size and engagement do not.
    const contact = createContact({ department: 'finance', industry: 'retail', companySize: 50 });
    expect(matchPersona(persona, contact, []).score).toBe(60);
  });

  it('counts missing data as unknown, not failed, and scores over the rules it could judge', () => {
    const m = matchPersona(persona, { email: 'x@y.example' }, []);
    expect(m.rules.map((r) => [r.outcome, r.detail])).toEqual([
      ['unknown', 'Unknown: no job title on record'],
      ['unknown', 'Unknown: no seniority on record'],
      ['unknown', 'Unknown: no department on record'],
      ['unknown', 'Unknown: no industry on record'],
      ['unknown', 'Unknown: no company size on record'],
      // No touches is an answer: engagement is always judged.
      ['unmet', '0 touches from webinars or case studies (2 needed)'],
    ]);
    expect(m).toMatchObject({ score: 0, judged: 1, ruleCount: 6, fits: false });
  });

  it('scores over judged rules only: an unknown industry does not pull a strong match down', () => {
    // createPersona: title 40, seniority 20, department 10, industry 10, size 10, engagement 10.
    const contact = createContact({ industry: undefined, companySize: undefined });
    const m = matchPersona(persona, contact, [createTouch(), createTouch({ assetType: 'case_study' })]);
    expect(m).toMatchObject({ score: 100, judged: 4, ruleCount: 6, fits: true });
  });

  it('reads seniority and department from the job title when the record lacks them (a CRM export)', () => {
    const exported = { email: 'vp@export.example', title: 'VP Operations' };
    const m = matchPersona(persona, exported, []);
    const rule = (kind: string) => m.rules.find((r) => r.kind === kind);
    expect(rule('seniority')).toMatchObject({ outcome: 'met', detail: 'VP (from the job title) is a fit' });
    expect(rule('department')).toMatchObject({ outcome: 'met', detail: 'Operations (from the job title) is a fit' });
    // Title 40 + seniority 20 + department 10 met, engagement 10 not; industry and size unknown: 70 of 80.
    expect(m).toMatchObject({ score: 88, judged: 4, fits: true });
  });

  it('keeps a recorded value over the job title', () => {
    const m = matchPersona(persona, { email: 'a@b.example', title: 'VP Operations', seniority: 'manager' }, []);
    expect(m.rules.find((r) => r.kind === 'seniority')).toMatchObject({ outcome: 'unmet', detail: 'Manager, not VP or Director' });
  });

  it('explains in words, not codes', () => {
    const p = createPersona({
      rules: [
        { kind: 'seniority', values: ['c_level', 'vp'], weight: 1 },
        { kind: 'companySize', min: 500, weight: 1 },
        { kind: 'companySize', min: 200, max: 5000, weight: 1 },
        { kind: 'engagement', assetTypes: ['webinar', 'case_study'], minTouches: 2, weight: 1 },
      ],
    });
    const m = matchPersona(p, createContact({ seniority: 'director', companySize: 120 }), [createTouch()]);
    expect(m.rules.map((r) => r.detail)).toEqual([
      'Director, not C-level or VP',
      '120 employees; needs 500 or more employees',
      '120 employees; needs 200 to 5,000 employees',
      '1 touch from webinars or case studies (2 needed)',
    ]);
    expect(m.rules.map((r) => r.detail).join(' ')).not.toMatch(/c_level|case_study|∞|\//);
  });

  it('says a contact fits only from the persona threshold up', () => {
    const founder = { email: 'f@startup.example', title: 'Founder & CEO', companySize: 12 };
    const dataPractitioner = createPersona({
      id: 'data',
      rules: [
        { kind: 'titleKeywords', keywords: ['Data Engineer', 'Analyst'], weight: 35 },
        { kind: 'seniority', values: ['individual_contributor', 'manager', 'director'], weight: 20 },
        { kind: 'department', values: ['data', 'engineering', 'it'], weight: 25 },
        { kind: 'engagement', assetTypes: ['whitepaper'], minTouches: 1, weight: 20 },
      ],
    });
    const touches = [createTouch({ assetType: 'whitepaper' })];
    expect(matchPersona(dataPractitioner, founder, touches)).toMatchObject({ score: 20, judged: 4, threshold: 50, fits: false });
    expect(matchPersona({ ...dataPractitioner, fitThreshold: 15 }, founder, touches)).toMatchObject({ score: 20, fits: true });
  });

  it('compares picklist values regardless of case, spaces and dashes', () => {
    const contact = createContact({ seniority: 'VP', department: 'Operations' });
    const m = matchPersona(persona, contact, []);
    expect(m.rules.find((r) => r.kind === 'seniority')?.matched).toBe(true);
    expect(m.rules.find((r) => r.kind === 'department')?.matched).toBe(true);
  });

  describe('title keywords', () => {
    const byKeywords = (...keywords: string[]) => createPersona({ rules: [{ kind: 'titleKeywords', keywords, weight: 1 }] });
    const outcome = (keywords: string[], title: string) =>
      matchPersona(byKeywords(...keywords), { email: 'a@b.example', title }, []).rules[0]?.outcome;

    it('match whole words only, not letters inside other words', () => {
      for (const title of ['Credit Manager', 'Audit Manager', 'Business Unit Manager'])
        expect(outcome(['IT Manager'], title), title).toBe('unmet');
      expect(outcome(['CTO'], 'Director of Sales')).toBe('unmet');
      expect(outcome(['VP'], 'MVP Program Manager')).toBe('unmet');
      expect(outcome(['IT Manager'], 'Senior IT Manager')).toBe('met');
      expect(outcome(['VP'], 'VP of Sales')).toBe('met');
    });

    it('find word edges beside accented letters, and ignore case and accents', () => {
      // "Qualité" ends in "ité": an ASCII-only word edge would find "IT" in it.
      expect(outcome(['IT'], 'Responsable Qualité')).toBe('unmet');
      expect(outcome(['Jefe de Producción'], 'JEFE DE PRODUCCION')).toBe('met');
      expect(outcome(['Geschäftsführer'], 'geschaftsfuhrer')).toBe('met');
    });

    it('read punctuation in a keyword as a word break', () => {
      expect(outcome(['VP, Sales'], 'VP, Sales')).toBe('met');
      expect(outcome(['VP, Sales'], 'VP Sales EMEA')).toBe('met');
      expect(outcome(['C-level'], 'C-Level Executive')).toBe('met');
      expect(outcome(['C-level'], 'Clevel')).toBe('unmet');
    });

    it('name the keyword met as the persona wrote it', () => {
      const m = matchPersona(byKeywords('IT Manager', 'Head of IT'), { email: 'a@b.example', title: 'Head of IT, EMEA' }, []);
      expect(m.rules[0]?.detail).toBe('Title contains “Head of IT”');
    });
  });

  it('reads recorded values in everyday words as the ids a rule names, as it reads job titles', () => {
    const p = createPersona({
      rules: [
        { kind: 'seniority', values: ['vp', 'director'], weight: 1 },
        { kind: 'department', values: ['it'], weight: 1 },
      ],
    });
    const details = (c: Partial<Contact>) => matchPersona(p, { email: 'a@b.example', ...c }, []).rules.map((r) => [r.outcome, r.detail]);
    expect(details({ seniority: 'Vice President', department: 'Information Technology' })).toEqual([
      ['met', 'Vice President is a fit'],
      ['met', 'Information Technology is a fit'],
    ]);
    // As the job title alone already did.
    expect(details({ title: 'Vice President, Information Technology' }).map(([o]) => o)).toEqual(['met', 'met']);
    // A value that means something else is still not met, and shown as written.
    expect(details({ seniority: 'Intern', department: 'Legal' })).toEqual([
      ['unmet', 'Intern, not VP or Director'],
      ['unmet', 'Legal, not IT'],
    ]);
  });

  it('reads a rule’s own values as written: a rule for “Sales Operations” or “Senior Manager” is not met by any operations or manager', () => {
    const p = createPersona({
      rules: [
        { kind: 'department', values: ['Sales Operations'], weight: 1 },
        { kind: 'seniority', values: ['Senior Manager'], weight: 1 },
      ],
    });
    const outcomes = (c: Partial<Contact>) => matchPersona(p, { email: 'a@b.example', ...c }, []).rules.map((r) => r.outcome);
    expect(outcomes({ department: 'Logistics', seniority: 'Manager' })).toEqual(['unmet', 'unmet']);
    expect(outcomes({ department: 'Sales Operations', seniority: 'Senior Manager' })).toEqual(['met', 'met']);
  });

  it('honours open-ended company size ranges', () => {
    const p = createPersona({ rules: [{ kind: 'companySize', min: 500, weight: 1 }] });
    expect(matchPersona(p, createContact({ companySize: 499 }), []).score).toBe(0);
    expect(matchPersona(p, createContact({ companySize: 100_000 }), []).score).toBe(100);
  });
});

describe('rankPersonas', () => {
  it('puts the best match first and keeps definition order on ties', () => {
    const finance = createPersona({ id: 'fin', name: 'Finance', rules: [{ kind: 'department', values: ['finance'], weight: 1 }] });
    const ops = createPersona();
    const tie = createPersona({ id: 'tie', name: 'Tie', rules: [{ kind: 'department', values: ['finance'], weight: 1 }] });
    const ranked = rankPersonas([finance, tie, ops], createContact(), []);
    expect(ranked.map((m) => m.personaId)).toEqual(['ops', 'fin', 'tie']);
  });
});
