import { z } from 'zod';
import { ConnectorError } from './errors';

/**
 * A field a CRM sent that Leadlight could not use. The field alone is left out
 * (the sidebar shows it as unknown) and the options page lists it; the rest of
 * the record still shows. No values are kept here, only where the problem is.
 */
export type FieldIssue = {
  vendor: string;
  object: string;
  /** The field; for `no_scope`, the scope the token lacks. */
  field: string;
  /** `no_scope`: the whole object could not be read, because the token lacks a scope that only it needs. */
  problem: 'missing' | 'unreadable' | 'refused' | 'no_scope';
};

const PROBLEM_WORDS: Record<Exclude<FieldIssue['problem'], 'no_scope'>, string> = {
  missing: 'is missing',
  unreadable: 'could not be read',
  // A field a verdict sets (picked by the admin) that the CRM would not take.
  refused: 'could not be set',
};

/** "Salesforce CampaignMember.Campaign.Id is missing", "HubSpot emails could not be read without the sales-email-read scope". */
export function describeIssue(issue: FieldIssue): string {
  if (issue.problem === 'no_scope') return `${issue.vendor} ${issue.object} could not be read without the ${issue.field} scope`;
  return `${issue.vendor} ${issue.object}.${issue.field} ${PROBLEM_WORDS[issue.problem]}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a vendor record one field at a time, so one bad field never sinks the
 * record. `object` names it as the vendor does (Lead, CampaignMember, contact);
 * nested readers extend the path (CampaignMember.Campaign.Id).
 */
export class RecordReader {
  constructor(
    readonly vendor: string,
    readonly object: string,
    readonly raw: unknown,
    readonly issues: FieldIssue[],
    private readonly path = '',
  ) {}

  /** Whether the record itself is an object at all. */
  get ok(): boolean {
    return isRecord(this.raw);
  }

  private name(field: string) {
    return this.path ? `${this.path}.${field}` : field;
  }

  private note(field: string, problem: FieldIssue['problem']) {
    this.issues.push({ vendor: this.vendor, object: this.object, field: this.name(field), problem });
  }

  private get(field: string): unknown {
    return isRecord(this.raw) ? this.raw[field] : undefined;
  }

  /** A field that may be empty: absent or null is simply no value; a value of the wrong kind is noted. */
  optional<S extends z.ZodType>(field: string, schema: S): z.output<S> | undefined {
    const value = this.get(field);
    if (value === undefined || value === null) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.note(field, 'unreadable');
    return undefined;
  }

  /** A field the vendor always sends: without it the field is unknown, and noted. */
  expected<S extends z.ZodType>(field: string, schema: S): z.output<S> | undefined {
    if (this.get(field) === undefined || this.get(field) === null) {
      this.note(field, 'missing');
      return undefined;
    }
    return this.optional(field, schema);
  }

  /** An identity (record id, email): without it the record cannot be used at all. */
  required<S extends z.ZodType>(field: string, schema: S): z.output<S> {
    const value = this.get(field);
    const parsed = schema.safeParse(value);
    if (parsed.success && value !== undefined && value !== null) return parsed.data;
    const issue: FieldIssue = {
      vendor: this.vendor,
      object: this.object,
      field: this.name(field),
      problem: value === undefined || value === null ? 'missing' : 'unreadable',
    };
    throw new ConnectorError('invalid_response', `${describeIssue(issue)}, so Leadlight cannot use this record.`, {
      detail: parsed.success ? undefined : parsed.error.message,
    });
  }

  /** A nested object (Campaign inside CampaignMember); undefined when absent or null. */
  child(field: string): RecordReader | undefined {
    const value = this.get(field);
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) {
      this.note(field, 'unreadable');
      return undefined;
    }
    return new RecordReader(this.vendor, this.object, value, this.issues, this.name(field));
  }

  /** A list field: its items, or none (noted) when it is not a list. */
  list(field: string): unknown[] {
    const value = this.get(field);
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.note(field, 'unreadable');
    return [];
  }

  /** The raw value, for envelopes read with their own schema. */
  rawField(field: string): unknown {
    return this.get(field);
  }
}

/** Text: a string, or a number or boolean written as one (liberal in what we accept). */
export const TextValue = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());

/** Non-empty text, trimmed. */
export const NonEmptyText = TextValue.pipe(z.string().min(1));

/** A picklist or status value, cut to what Leadlight stores (200): a long value is still shown, not refused. */
export const ValueText = NonEmptyText.transform((v) => v.slice(0, 200));

/** A name or title, cut to what Leadlight stores (300). */
export const NameText = NonEmptyText.transform((v) => v.slice(0, 300));

const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');

/** The first problem zod found in `raw`, as a field issue: where it is, and whether it was missing or unreadable. */
export function issueFrom(error: z.ZodError, raw: unknown, where: { vendor: string; object: string }): FieldIssue {
  const path = error.issues[0]?.path ?? [];
  const value = path.reduce<unknown>(
    (v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    raw,
  );
  return {
    vendor: where.vendor,
    object: where.object,
    field: formatPath(path) || '(record)',
    problem: value === undefined || value === null ? 'missing' : 'unreadable',
  };
}

/** The items `schema` accepts; each one it refuses is left out and noted. */
export function readEach<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
  where: { vendor: string; object: string; issues: FieldIssue[] },
): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else where.issues.push(issueFrom(parsed.error, item, where));
  }
  return out;
}
