import { z } from 'zod';
import type { ReasonDefinition } from '../../domain/reason-definition';
import { ConnectorError } from '../errors';
import { type HubspotCall, SCOPES } from './hubspot-client';

/** The contact property group that holds Leadlight's verdict properties, so HubSpot's own reports can group by them. */
export const VERDICT_GROUP = 'leadlight';

/** Leadlight's contact properties: the latest verdict on the contact, its reason, when and by whom. */
export const VERDICT_PROPERTIES = {
  verdict: 'leadlight_last_verdict',
  reason: 'leadlight_last_reason',
  at: 'leadlight_last_feedback_at',
  by: 'leadlight_last_feedback_by',
} as const;

/** Where the connector keeps what it last learnt about the portal's schema (a row in the background's database). */
export type VerdictSchemaStore = {
  /** The team's reason list, which the reason property's options follow. */
  reasons: () => Promise<readonly ReasonDefinition[]>;
  load: () => Promise<VerdictSchemaState | undefined>;
  save: (state: VerdictSchemaState) => Promise<void>;
};

/**
 * `ready`: the group and properties exist with the reason options of `fingerprint`.
 * Not ready: `problem` says why in words (most often the schema scope is missing); notes are still written.
 */
export type VerdictSchemaState = { fingerprint: string; ready: boolean; problem?: string; checkedAt: string };

/** The reason options as HubSpot should hold them; a retired reason stays, hidden, so past verdicts keep their label. */
export function reasonOptions(reasons: readonly ReasonDefinition[]) {
  return reasons.map((r, i) => ({ label: r.label, value: r.id, displayOrder: i, hidden: !!r.retired }));
}

/** Changes whenever the reason options would. */
export function schemaFingerprint(reasons: readonly ReasonDefinition[]): string {
  return JSON.stringify(reasonOptions(reasons).map((o) => [o.value, o.label, o.hidden]));
}

function propertyInputs(reasons: readonly ReasonDefinition[]) {
  const base = { groupName: VERDICT_GROUP, formField: false, hidden: false };
  return [
    {
      ...base,
      name: VERDICT_PROPERTIES.verdict,
      label: 'Leadlight: last verdict',
      description: 'The latest lead-quality verdict a rep gave in Leadlight.',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'Good lead', value: 'good', displayOrder: 0, hidden: false },
        { label: 'Bad lead', value: 'bad', displayOrder: 1, hidden: false },
      ],
    },
    {
      ...base,
      name: VERDICT_PROPERTIES.reason,
      label: 'Leadlight: last reason',
      description: 'The reason given with the latest verdict, from the team’s reason list.',
      type: 'enumeration',
      fieldType: 'select',
      options: reasonOptions(reasons),
    },
    {
      ...base,
      name: VERDICT_PROPERTIES.at,
      label: 'Leadlight: last feedback time',
      type: 'datetime',
      fieldType: 'date',
    },
    { ...base, name: VERDICT_PROPERTIES.by, label: 'Leadlight: last feedback by', type: 'string', fieldType: 'text' },
  ];
}

const PropertySchema = z.object({
  name: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string(), hidden: z.boolean().optional() })).optional(),
});
const BatchSchema = z.object({ status: z.string().optional(), results: z.array(PropertySchema) });
const GroupSchema = z.object({ name: z.string() });

/**
 * Makes sure the portal holds the Leadlight group and properties, with the reason
 * options matching the team's list: reads them in one batch, creates what is
 * missing and updates the reason options when they differ. Safe to run again.
 * Without the schema scopes it reports the problem instead of throwing, because
 * verdicts still go out as notes.
 */
export async function ensureVerdictSchema(
  call: HubspotCall,
  reasons: readonly ReasonDefinition[],
): Promise<{ ready: boolean; problem?: string }> {
  const wanted = propertyInputs(reasons);
  try {
    const existing = await call(
      {
        path: '/crm/v3/properties/contacts/batch/read',
        method: 'POST',
        body: { archived: false, inputs: wanted.map((p) => ({ name: p.name })) },
        object: 'Leadlight contact properties',
        optional: true,
      },
      BatchSchema,
      SCOPES.schemasRead,
    );
    const have = new Map(existing.results.map((p) => [p.name, p]));
    const missing = wanted.filter((p) => !have.has(p.name));
    if (missing.length) {
      await createGroup(call);
      await call(
        {
          path: '/crm/v3/properties/contacts/batch/create',
          method: 'POST',
          body: { inputs: missing },
          object: 'Leadlight contact properties',
          optional: true,
        },
        BatchSchema,
        SCOPES.schemasWrite,
      );
    }
    const reason = have.get(VERDICT_PROPERTIES.reason);
    if (reason && JSON.stringify(optionKey(reason.options ?? [])) !== JSON.stringify(optionKey(reasonOptions(reasons)))) {
      await call(
        {
          path: `/crm/v3/properties/contacts/${VERDICT_PROPERTIES.reason}`,
          method: 'PATCH',
          body: { options: reasonOptions(reasons) },
          object: `property ${VERDICT_PROPERTIES.reason}`,
          optional: true,
        },
        PropertySchema,
        SCOPES.schemasWrite,
      );
    }
    return { ready: true };
  } catch (e) {
    // Transient failures (offline, limits, 5xx) propagate so the outbox retries; a refusal is an answer.
    if (e instanceof ConnectorError && ['scopes', 'client', 'not_found', 'invalid_response'].includes(e.kind)) {
      return {
        ready: false,
        problem: `Leadlight could not set up its HubSpot contact properties (${e.message}) Verdicts are written as notes only.`,
      };
    }
    throw e;
  }
}

const optionKey = (options: readonly { value: string; label: string; hidden?: boolean }[]) =>
  options.map((o) => [o.value, o.label, !!o.hidden]).sort();

async function createGroup(call: HubspotCall): Promise<void> {
  try {
    await call(
      {
        path: '/crm/v3/properties/contacts/groups',
        method: 'POST',
        body: { name: VERDICT_GROUP, label: 'Leadlight', displayOrder: -1 },
        object: 'property group leadlight',
        optional: true,
      },
      GroupSchema,
      SCOPES.schemasWrite,
    );
  } catch (e) {
    // 409: the group is there already (an earlier run created it but not every property).
    if (!(e instanceof ConnectorError && e.status === 409)) throw e;
  }
}
