import type { Participant } from './gmail/detect';

export type DetectionSnapshot = { participants: Participant[]; selfEmail?: string };

/** The latest detection, readable by React through useSyncExternalStore. */
export function createDetectionStore() {
  let snapshot: DetectionSnapshot = { participants: [] };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set(next: DetectionSnapshot) {
      snapshot = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type DetectionStore = ReturnType<typeof createDetectionStore>;
