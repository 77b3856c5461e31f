import type { LeadSource } from '@/lib/domain/contact';
import { labelFor, LEAD_CHANNEL_LABELS } from '@/lib/domain/labels';
import { formatDate } from '../format';
import { Section } from '../ui/section';
import { FieldSource, type FieldSources } from './field-source';
import { SourceNote, type SourceNoteProps } from './source-note';

function SourceRow({
  label,
  source,
  testId,
  field,
  fields,
  unknown,
}: {
  label: string;
  source: LeadSource | undefined;
  testId: string;
  field: string;
  fields?: FieldSources;
  /** The CRM sent a value Leadlight could not read. */
  unknown?: boolean;
}) {
  return (
    <div data-testid={testId} className="mb-2 last:mb-0">
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      {source ? (
        <dd className="text-sm text-slate-800 dark:text-slate-100">
          <span className="font-medium">{labelFor(source.channel, LEAD_CHANNEL_LABELS)}</span>
          <FieldSource field={field} sources={fields} />
          {source.date && <span className="text-slate-600 dark:text-slate-300"> · {formatDate(source.date)}</span>}
          {source.detail && <span className="block text-xs break-words text-slate-600 dark:text-slate-300">{source.detail}</span>}
        </dd>
      ) : (
        <dd className="text-sm text-slate-600 dark:text-slate-300">
          {unknown ? 'Unknown: the CRM’s value could not be read' : 'Not recorded'}
        </dd>
      )}
    </div>
  );
}

/** First and most recent lead source, with the detail marketing recorded. */
export function LeadSourceCard({
  original,
  latest,
  source,
  fields,
  unknownFields = [],
}: {
  original?: LeadSource;
  latest?: LeadSource;
  source?: SourceNoteProps;
  fields?: FieldSources;
  unknownFields?: string[];
}) {
  return (
    <Section title="Lead source" testId="lead-source" note={source && <SourceNote {...source} />}>
      <dl>
        <SourceRow
          label="Original"
          source={original}
          testId="lead-source-original"
          field="originalSource"
          fields={fields}
          unknown={unknownFields.includes('originalSource')}
        />
        <SourceRow
          label="Latest"
          source={latest}
          testId="lead-source-latest"
          field="latestSource"
          fields={fields}
          unknown={unknownFields.includes('latestSource')}
        />
      </dl>
    </Section>
  );
}
