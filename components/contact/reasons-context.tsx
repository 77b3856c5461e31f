import { createContext, useContext } from 'react';
import { FEEDBACK_REASONS, type ReasonOption } from '@/lib/domain/feedback-reasons';

/**
 * The team's feedback reasons, loaded once per page by whoever renders the
 * contact view; until then (and in tests) the built-in list applies.
 */
export const ReasonsContext = createContext<readonly ReasonOption[]>(FEEDBACK_REASONS);
export const useReasons = () => useContext(ReasonsContext);
