import type { Persona } from '@/lib/domain/persona';
import type { ReasonDefinition } from '@/lib/domain/reason-definition';

type Named = { id: string };
export type ListChange = { added: string[]; changed: string[]; removed: string[] };
export type DefinitionsChange = { personas: ListChange; reasons: ListChange };

// Key order must not make an unchanged definition look changed.
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

function compare<T extends Named>(current: readonly T[], incoming: readonly T[], name: (t: T) => string): ListChange {
  const now = new Map(current.map((t) => [t.id, t]));
  const next = new Map(incoming.map((t) => [t.id, t]));
  return {
    added: incoming.filter((t) => !now.has(t.id)).map(name),
    changed: incoming.filter((t) => now.has(t.id) && canonical(now.get(t.id)) !== canonical(t)).map(name),
    removed: current.filter((t) => !next.has(t.id)).map(name),
  };
}

/** What importing a definitions file would add, change and remove here. */
export function diffDefinitions(
  current: { personas: readonly Persona[]; reasons: readonly ReasonDefinition[] },
  incoming: { personas: readonly Persona[]; reasons: readonly ReasonDefinition[] },
): DefinitionsChange {
  return {
    personas: compare(current.personas, incoming.personas, (p) => p.name),
    reasons: compare(current.reasons, incoming.reasons, (r) => r.label),
  };
}

export const nothingChanges = (c: DefinitionsChange) =>
  [c.personas, c.reasons].every((l) => l.added.length + l.changed.length + l.removed.length === 0);
