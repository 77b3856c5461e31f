import type { Contact } from '@/lib/domain/contact';
import { labelFor, LIFECYCLE_LABELS } from '@/lib/domain/labels';
import { formatDate } from '../format';
import { FieldSource, type FieldSources } from './field-source';
import { SourceNote, type SourceNoteProps } from './source-note';

/** A value the CRM holds in a form Leadlight could not read: said plainly, never guessed. */
function Unknown() {
  return <span className="font-normal text-slate-600 italic dark:text-slate-300">unknown</span>;
}

/** Who this is, and where they stand in the funnel. */
export function ContactHeader({ contact, source, fields }: { contact: Contact; source?: SourceNoteProps; fields?: FieldSources }) {
  const role = [contact.title, contact.company].filter(Boolean).join(' · ');
  const unknown = new Set(contact.unknownFields ?? []);
  const shows = (field: keyof Contact) => contact[field] !== undefined || unknown.has(field);
  return (
    <header data-testid="contact-header" className="px-4 py-3">
      {/* Element Timing: when the name reaches the screen, for `npm run bench` (and any tool that asks) to read. */}
      <h2
        data-testid="contact-name"
        elementtiming="contact-name"
        className="text-base font-semibold break-words text-slate-900 dark:text-slate-50"
      >
        {contact.name || contact.email}
      </h2>
      {role && (
        <p className="text-sm break-words text-slate-600 dark:text-slate-300">
          {contact.title}
          <FieldSource field="title" sources={fields} />
          {contact.title && contact.company && ' · '}
          {contact.company}
          <FieldSource field="company" sources={fields} />
        </p>
      )}
      <p className="text-xs break-all text-slate-600 dark:text-slate-300">{contact.email}</p>
      {source && (
        <p className="text-xs">
          <SourceNote {...source} />
        </p>
      )}
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {shows('lifecycleStage') && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Stage </dt>
            <dd data-testid="lifecycle-stage" className="inline font-medium text-slate-800 dark:text-slate-100">
              {contact.lifecycleStage ? labelFor(contact.lifecycleStage, LIFECYCLE_LABELS) : <Unknown />}
              <FieldSource field="lifecycleStage" sources={fields} />
            </dd>
          </div>
        )}
        {shows('score') && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Score </dt>
            <dd data-testid="lead-score" className="inline font-medium text-slate-800 dark:text-slate-100">
              {contact.score ?? <Unknown />}
              <FieldSource field="score" sources={fields} />
            </dd>
          </div>
        )}
        {shows('leadStatus') && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Status </dt>
            <dd className="inline font-medium text-slate-800 dark:text-slate-100">
              {contact.leadStatus ? labelFor(contact.leadStatus, {}) : <Unknown />}
              <FieldSource field="leadStatus" sources={fields} />
            </dd>
          </div>
        )}
        {shows('owner') && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Owner </dt>
            <dd className="inline text-slate-800 dark:text-slate-100">
              {contact.owner ?? <Unknown />}
              <FieldSource field="owner" sources={fields} />
            </dd>
          </div>
        )}
        {shows('handoffAt') && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Handed off </dt>
            <dd className="inline text-slate-800 dark:text-slate-100">
              {contact.handoffAt ? formatDate(contact.handoffAt) : <Unknown />}
              <FieldSource field="handoffAt" sources={fields} />
            </dd>
          </div>
        )}
        {unknown.has('companySize') && contact.companySize === undefined && (
          <div>
            <dt className="inline text-slate-600 dark:text-slate-300">Company size </dt>
            <dd className="inline text-slate-800 dark:text-slate-100">
              <Unknown />
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
