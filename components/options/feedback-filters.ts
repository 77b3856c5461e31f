import type { Feedback } from '@/lib/domain/feedback';
import type { ListedFeedback } from '@/lib/messaging/protocol';

export type FeedbackFilter = { verdict: '' | Feedback['verdict']; reason: string; rep: string; state: '' | Feedback['syncState'] };
export type FeedbackSort = 'newest' | 'oldest' | 'contact' | 'rep';
export const NO_FILTER: FeedbackFilter = { verdict: '', reason: '', rep: '', state: '' };

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
const contactKey = (f: ListedFeedback) => f.contactName || f.email;

/** The verdicts a filter lets through, in the chosen order. Pure, so 10,000 rows sort in memory. */
export function filterFeedback(list: readonly ListedFeedback[], filter: FeedbackFilter, sort: FeedbackSort): ListedFeedback[] {
  const out = list.filter(
    (f) =>
      (!filter.verdict || f.verdict === filter.verdict) &&
      (!filter.reason || f.reasonId === filter.reason) &&
      (!filter.rep || f.author === filter.rep) &&
      (!filter.state || f.syncState === filter.state),
  );
  const newest = (a: ListedFeedback, b: ListedFeedback) => b.createdAt.localeCompare(a.createdAt);
  switch (sort) {
    case 'newest':
      return out.sort(newest);
    case 'oldest':
      return out.sort((a, b) => -newest(a, b));
    case 'contact':
      return out.sort((a, b) => byText(contactKey(a), contactKey(b)) || newest(a, b));
    case 'rep':
      return out.sort((a, b) => byText(a.author || '~', b.author || '~') || newest(a, b));
  }
}
