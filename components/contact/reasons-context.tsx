import { createContext, useContext } from 'react';
import { FEEDBACK_REASONS } from '@/lib/domain/feedback-reasons';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';

/**
 * The team's feedback reasons, loaded once per page by whoever renders the
 * contact view; until then (and in tests) the built-in list applies.
 */
export const ReasonsContext = createContext<readonly ReasonDefinition[]>(FEEDBACK_REASONS);
export const useReasons = () => useContext(ReasonsContext);
