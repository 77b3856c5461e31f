import type { Campaign, Touch } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import type { Feedback } from '../domain/feedback';
import type { TeamVerdict } from '../domain/team-verdict';
import type { WritableField } from '../domain/writable-field';
import type { FieldIssue } from './field-reader';
import type { CallGate } from './health';

export type ConnectorId = 'demo' | 'import' | 'feed' | 'hubspot' | 'salesforce';

/** The live CRMs by the names their users know them by, wherever Leadlight names one. */
export const CRM_NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce' } as const;

/**
 * One contact as a source knows them, already validated and in Leadlight's model.
 * `issues` lists fields the source sent that could not be read (left out of the bundle).
 */
export type ContactBundle = { contact: Contact; campaigns: Campaign[]; touches: Touch[]; issues?: FieldIssue[] };

/** How far a read of the team's verdicts has got: records read of the total the CRM announced. */
export type TeamProgress = (p: { read: number; total?: number }) => void;

/**
 * Where a delivered verdict landed, so it is never written twice. `problem`: the
 * verdict's record was written but fields the admin mapped beside it were not set,
 * said for the user naming the CRM, object and fields; `issues` lists those fields.
 */
export type Delivery = { remoteId: string; problem?: string; issues?: FieldIssue[] };

/**
 * A source of marketing data. Bulk sources (demo, import, feed) fill the cache
 * wholesale; live CRMs answer per contact and take feedback back. Connectors run
 * in the background only; their inputs and outputs are validated inside them.
 */
export interface Connector {
  readonly id: ConnectorId;
  readonly label: string;
  /** The live CRM's health gate: callers ask it before starting work that would only be refused. */
  readonly gate?: CallGate;
  /** The contact by email with campaigns and touches; null when the source has no such person. */
  fetchContact?(email: string): Promise<ContactBundle | null>;
  /**
   * Writes a verdict to the system of record. Must be idempotent by `feedback.id`:
   * when an earlier attempt may have succeeded, find that record instead of writing a second.
   */
  deliverFeedback?(feedback: Feedback, contact: Contact | undefined): Promise<Delivery>;
  /**
   * Makes the CRM ready to hold verdicts as reportable fields (HubSpot: the Leadlight
   * property group); `problem` says plainly what could not be done. Safe to call again.
   */
  prepareWriteBack?(): Promise<{ ready: boolean; problem?: string }>;
  /**
   * Fields of a CRM object a verdict can set (Salesforce: from the object's describe,
   * cached a day; `fresh` reads the org again), for the admin to map.
   */
  writableFields?(object: 'Lead' | 'Contact', fresh: boolean): Promise<WritableField[]>;
  /** Every rep's verdicts as the CRM holds them, for the team report. */
  readTeamVerdicts?(progress?: TeamProgress): Promise<TeamVerdict[]>;
  /** The signed-in CRM user's email, used to sign verdicts when the rep set none in Settings. */
  currentUserEmail?(): Promise<string | null>;
}
