import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadlightDb } from '@/lib/db/database';
import { mergeFeedbackFile } from '@/lib/team/feedback-file';
import { loadTeamVerdicts } from '@/lib/team/team-source';

const file = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');

let db: LeadlightDb;
beforeEach(() => {
  db = new LeadlightDb(`team-files-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

describe('merging reps’ feedback files', () => {
  it('takes each verdict once by feedback id across files, keeps bad rows out with their line, and says whose files are in', async () => {
    const alex = await mergeFeedbackFile(db, 'feedback-alex.csv', file('feedback-alex.csv'));
    expect(alex).toEqual({
      name: 'feedback-alex.csv',
      verdicts: 2,
      duplicates: 0,
      authors: ['Alex Rivera'],
      skipped: [{ line: 4, reason: 'email: Invalid email address' }],
    });
    const jamie = await mergeFeedbackFile(db, 'feedback-jamie.csv', file('feedback-jamie.csv'));
    // fb-alex-2 is in both files.
    expect(jamie).toMatchObject({ verdicts: 1, duplicates: 1, authors: ['Alex Rivera', 'Jamie Chen'] });

    const { verdicts, scope } = await loadTeamVerdicts(db, { source: 'import' });
    expect(verdicts.map((v) => v.id).sort()).toEqual(['fb-alex-1', 'fb-alex-2', 'fb-jamie-1']);
    expect(scope).toMatchObject({ verdicts: 3, reps: 2, from: '2 feedback files and this browser' });
    expect(scope.files).toEqual([
      { name: 'feedback-alex.csv', authors: ['Alex Rivera'], verdicts: 2 },
      { name: 'feedback-jamie.csv', authors: ['Alex Rivera', 'Jamie Chen'], verdicts: 1 },
    ]);
    const maya = verdicts.find((v) => v.id === 'fb-alex-1');
    // The export's guard against spreadsheet formulas comes off again.
    expect(maya?.note).toBe('=HYPERLINK("x")');
    expect(verdicts.find((v) => v.id === 'fb-jamie-1')).toMatchObject({
      kind: 'handoff',
      reasonId: 'recycle_nurture',
      recycleOn: '2027-02-01',
    });
  });

  it('merging the same file again replaces what it brought instead of adding to it', async () => {
    await mergeFeedbackFile(db, 'feedback-alex.csv', file('feedback-alex.csv'));
    const again = await mergeFeedbackFile(db, 'feedback-alex.csv', file('feedback-alex.csv'));
    expect(again).toMatchObject({ verdicts: 2, duplicates: 0 });
    expect(await db.teamVerdicts.count()).toBe(2);
  });

  it('tells apart two reps’ files of one name (exports are named by day); a rep’s updated export replaces what the earlier one brought', async () => {
    const name = 'leadlight-feedback-2026-11-20.csv';
    await mergeFeedbackFile(db, name, file('feedback-alex.csv'));
    await mergeFeedbackFile(db, name, file('feedback-jamie.csv'));
    const both = await loadTeamVerdicts(db, { source: 'import' });
    expect(both.verdicts.map((v) => v.id).sort()).toEqual(['fb-alex-1', 'fb-alex-2', 'fb-jamie-1']);
    expect(both.scope.files).toEqual([
      { name, authors: ['Alex Rivera'], verdicts: 2 },
      { name, authors: ['Alex Rivera', 'Jamie Chen'], verdicts: 1 },
    ]);

    // Later that day Alex exports again, with one more verdict.
    const later = `${file('feedback-alex.csv').trimEnd()}\n2026-11-20T08:00:00.000Z,ada@lead.example,,,,good,,,,Alex Rivera <alex.rivera@brightwave.example>,local,fb-alex-4,quality,\n`;
    expect(await mergeFeedbackFile(db, name, later)).toMatchObject({ verdicts: 3, duplicates: 0, authors: ['Alex Rivera'] });
    const updated = await loadTeamVerdicts(db, { source: 'import' });
    expect(updated.verdicts.map((v) => v.id).sort()).toEqual(['fb-alex-1', 'fb-alex-2', 'fb-alex-4', 'fb-jamie-1']);
    expect(updated.scope.files).toEqual([
      { name, authors: ['Alex Rivera', 'Jamie Chen'], verdicts: 1 },
      { name, authors: ['Alex Rivera'], verdicts: 3 },
    ]);
    expect(await db.teamVerdicts.count()).toBe(4);
  });

  it('knows a file merged before files were told apart by whose verdicts they hold by the names of its authors', async () => {
    const name = 'leadlight-feedback-2026-11-20.csv';
    await mergeFeedbackFile(db, name, file('feedback-alex.csv'));
    // As an earlier version listed it: by name and authors only.
    await db.meta.put({ key: 'team:file', files: [{ name, authors: ['Alex Rivera'], verdicts: 2 }] } as never);
    await mergeFeedbackFile(db, name, file('feedback-jamie.csv'));
    expect(await mergeFeedbackFile(db, name, file('feedback-alex.csv'))).toMatchObject({ verdicts: 2, duplicates: 0 });
    const { scope } = await loadTeamVerdicts(db, { source: 'import' });
    expect(scope.files?.map((f) => f.authors)).toEqual([['Alex Rivera', 'Jamie Chen'], ['Alex Rivera']]);
    expect(await db.teamVerdicts.count()).toBe(3);
  });

  it('refuses a file that is not a feedback export and changes nothing', async () => {
    await mergeFeedbackFile(db, 'feedback-alex.csv', file('feedback-alex.csv'));
    await expect(mergeFeedbackFile(db, 'contacts.csv', 'Email,Name\nada@x.example,Ada\n')).rejects.toThrow(
      'contacts.csv is not a Leadlight feedback file: it lacks the columns “Date”, “Verdict”, “Author”, “Feedback id”.',
    );
    expect(await db.teamVerdicts.count()).toBe(2);
  });
});
