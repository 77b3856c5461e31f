import type { Participant } from './participants';

export type DetectionSnapshot = {
  participants: Participant[];
  selfEmail?: string;
  /** Bumped by the keyboard shortcut; the sidebar toggles when it changes. */
  toggles: number;
  /** The last contact whose data the background refreshed, with a counter so repeats register. */
  updated?: { email: string; seq: number };
  /** The address last looked up from the context menu, with a counter so a repeat registers; gone with the next detection. */
  lookup?: { email: string; seq: number };
};

/**
 * What the page shows plus what the user asked for (a context-menu lookup comes
 * first), readable by React through useSyncExternalStore.
 */
export function createDetectionStore() {
  let detected: Participant[] = [];
  let lookup: Participant | undefined;
  let lookups = 0;
  let snapshot: DetectionSnapshot = { participants: [], toggles: 0 };
  const listeners = new Set<() => void>();
  const publish = (next: Partial<DetectionSnapshot>) => {
    const participants = lookup ? [lookup, ...detected.filter((p) => p.email !== lookup?.email)] : detected;
    snapshot = { ...snapshot, ...next, participants };
    listeners.forEach((l) => l());
  };
  return {
    get: () => snapshot,
    /** A new detection means the user moved on; a looked-up address gives way to it. */
    setDetected(participants: Participant[], selfEmail?: string) {
      detected = participants;
      lookup = undefined;
      publish({ selfEmail, lookup: undefined });
    },
    setLookup(participant: Participant) {
      lookup = participant;
      lookups += 1;
      publish({ lookup: { email: participant.email, seq: lookups } });
    },
    contactUpdated(email: string) {
      publish({ updated: { email, seq: (snapshot.updated?.seq ?? 0) + 1 } });
    },
    toggle() {
      publish({ toggles: snapshot.toggles + 1 });
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type DetectionStore = ReturnType<typeof createDetectionStore>;
