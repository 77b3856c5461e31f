/**
 * The Leadlight fields a file column can feed. Kept free of zod so the options page
 * can show the mapping editor without shipping the schema library; the worker
 * validates the records these fields build against the domain schemas.
 */
export const IMPORT_FIELDS = [
  { key: 'email', label: 'Email', group: 'contact' },
  { key: 'firstName', label: 'First name', group: 'contact' },
  { key: 'lastName', label: 'Last name', group: 'contact' },
  { key: 'fullName', label: 'Full name', group: 'contact' },
  { key: 'title', label: 'Job title', group: 'contact' },
  { key: 'company', label: 'Company', group: 'contact' },
  { key: 'industry', label: 'Industry', group: 'contact' },
  { key: 'companySize', label: 'Company size', group: 'contact' },
  { key: 'seniority', label: 'Seniority', group: 'contact' },
  { key: 'department', label: 'Department', group: 'contact' },
  { key: 'lifecycleStage', label: 'Lifecycle stage', group: 'contact' },
  { key: 'leadStatus', label: 'Lead status', group: 'contact' },
  { key: 'score', label: 'Lead score', group: 'contact' },
  { key: 'owner', label: 'Owner', group: 'contact' },
  { key: 'handoffAt', label: 'MQL date', group: 'contact' },
  { key: 'lastActivity', label: 'Last sales activity (date)', group: 'contact' },
  { key: 'originalSource', label: 'Original source', group: 'source' },
  { key: 'originalSourceDetail', label: 'Original source detail', group: 'source' },
  { key: 'originalSourceDate', label: 'Original source date', group: 'source' },
  { key: 'latestSource', label: 'Latest source', group: 'source' },
  { key: 'latestSourceDetail', label: 'Latest source detail', group: 'source' },
  { key: 'latestSourceDate', label: 'Latest source date', group: 'source' },
  { key: 'campaignId', label: 'Campaign id', group: 'touch' },
  { key: 'campaign', label: 'Campaign', group: 'touch' },
  { key: 'campaignType', label: 'Campaign type', group: 'touch' },
  { key: 'campaignStatus', label: 'Campaign status', group: 'touch' },
  { key: 'campaignStartDate', label: 'Campaign start date', group: 'touch' },
  { key: 'campaignEndDate', label: 'Campaign end date', group: 'touch' },
  { key: 'campaignEventDate', label: 'Session or event date', group: 'touch' },
  { key: 'campaignInviteUrl', label: 'Invite or registration link', group: 'touch' },
  { key: 'campaignRecordUrl', label: 'Campaign link in the CRM', group: 'touch' },
  { key: 'asset', label: 'Asset', group: 'touch' },
  { key: 'assetType', label: 'Asset type', group: 'touch' },
  { key: 'date', label: 'Touch date', group: 'touch' },
  { key: 'respondedDate', label: 'First responded date', group: 'touch' },
  { key: 'status', label: 'Member status', group: 'touch' },
  { key: 'responded', label: 'Responded', group: 'touch' },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];

export const FIELD_GROUP_LABELS = {
  contact: 'Contact',
  source: 'Lead source',
  touch: 'Campaign touch',
} as const;

/** Which file column feeds each Leadlight field; a field left out stays empty. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** One row's values by Leadlight field, trimmed; '' when unmapped or blank. */
export type MappedRow = Record<ImportField, string>;

/** A row the import skipped: the file's line number (header = 1) and why. */
export type RowError = { line: number; reason: string };

/** A value the import could not use in a row it kept: the line, the file's column, and why. */
export type RowWarning = { line: number; column: string; reason: string };

/**
 * The header row with every column nameable: a blank header becomes "(column 5)" and
 * a repeated one "Email (2)". Reports can repeat a label (a Lead's and a Contact's
 * Email), and the mapping names columns by header, so two columns of one name could
 * not both be chosen, nor a blank one at all. The preview, the mapping and the
 * import all read the header row through this.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const taken = new Set<string>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `(column ${i + 1})`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    return name;
  });
}

/**
 * Column positions for a mapping, resolved once per file so each row is an
 * array lookup rather than a header search.
 */
export function columnIndexes(headers: readonly string[], mapping: ColumnMapping): [ImportField, number][] {
  const out: [ImportField, number][] = [];
  for (const { key } of IMPORT_FIELDS) {
    const column = mapping[key];
    if (!column) continue;
    const index = headers.findIndex((h) => h.trim() === column.trim());
    if (index >= 0) out.push([key, index]);
  }
  return out;
}

const EMPTY_ROW = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, ''])) as MappedRow;

/** A file row's cells by Leadlight field; cells missing at the end of a short row read as empty. */
export function mapCells(cells: readonly string[], indexes: readonly [ImportField, number][]): MappedRow {
  return fillRow({ ...EMPTY_ROW }, cells, indexes);
}

/**
 * Writes a row's cells into `row`, which keeps '' for the fields the mapping leaves
 * out. The pipeline fills one row object again and again: a fresh 37-field object per
 * file row was a good part of what the import worker's garbage collector had to do.
 */
export function fillRow(row: MappedRow, cells: readonly string[], indexes: readonly [ImportField, number][]): MappedRow {
  for (const [key, index] of indexes) row[key] = (cells[index] ?? '').trim();
  return row;
}

/** A row with every field empty. */
export const emptyRow = (): MappedRow => ({ ...EMPTY_ROW });
