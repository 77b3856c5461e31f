import { z } from 'zod';
import type { ConnectorError } from '../errors';
import type { HubspotError } from './hubspot-schemas';

/** One thing a 400 refused: the property when HubSpot names it, its code (PROPERTY_DOESNT_EXIST, INVALID_OPTION) and its words. */
export type Refusal = { property?: string; code?: string; message: string };

// Each entry of the list a VALIDATION_ERROR message embeds; a field of an unexpected kind is dropped alone.
const maybeText = z.string().optional().catch(undefined);
const EntrySchema = z.object({ name: maybeText, error: maybeText, message: maybeText });

// Older or trimmed answers only say it in words: `Property "lead_quality" does not exist` (quotes escaped or not).
const DOES_NOT_EXIST = /Property \\?"([^"\\]+)\\?" does not exist/g;

/**
 * The entries of "Property values were not valid: [{"isValid":false,"message":"…","error":"INVALID_OPTION","name":"lead_quality"}]",
 * HubSpot's documented 400 for property values; the words alone when the list cannot be read.
 */
function fromMessage(message: string): Refusal[] {
  const start = message.indexOf('[{');
  const end = message.lastIndexOf('}]');
  if (start >= 0 && end > start) {
    try {
      const list: unknown = JSON.parse(message.slice(start, end + 2));
      const entries = (Array.isArray(list) ? list : []).flatMap((item) => {
        const entry = EntrySchema.safeParse(item);
        return entry.success ? [entry.data] : [];
      });
      if (entries.length)
        return entries.map((e) => ({ property: e.name, code: e.error, message: e.message?.trim() || message.slice(0, start).trim() }));
    } catch {
      // Not JSON after all: read the words below.
    }
  }
  const named = [...message.matchAll(DOES_NOT_EXIST)].map((m) => ({ property: m[1], code: 'PROPERTY_DOESNT_EXIST', message: m[0] }));
  return named.length ? named : [{ message }];
}

/** Property names under a context key, as a string or a list of them (HubSpot sends both). */
function contextNames(context: Record<string, unknown> | undefined): string[] {
  return ['propertyName', 'propertyNames', 'invalidPropertyName'].flatMap((key) => {
    const value = context?.[key];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.filter((v): v is string => typeof v === 'string' && v !== '');
  });
}

/**
 * What a HubSpot 400 refused, read liberally: the list embedded in the message, each
 * `errors[]` entry (its message, its code, and the property its `context.propertyName`
 * names), and property names in the top-level context.
 */
export function refusalsOf(body: HubspotError): Refusal[] {
  const fromErrors = (body.errors ?? []).flatMap((e): Refusal[] => {
    const said = (e.message ? fromMessage(e.message) : []).map((r) => ({ ...r, code: r.code ?? e.code }));
    const named = contextNames(e.context);
    if (!named.length) return said;
    // The context names the property; the words are those the message says of it (or of no property in particular).
    return named.map((property) => {
      const own = said.find((r) => r.property === property) ?? (said.length === 1 && !said[0]?.property ? said[0] : undefined);
      return { property, code: own?.code ?? e.code, message: own?.message ?? e.message ?? body.message ?? '' };
    });
  });
  const top = body.message ? fromMessage(body.message) : [];
  // A top-level message that names nothing ("One or more validation errors occurred") adds nothing to the entries.
  const own = fromErrors.length ? top.filter((r) => r.property) : top;
  const context = contextNames(body.context).map((property) => ({ property, message: body.message ?? '' }));
  const seen = new Set<string>();
  return [...own, ...fromErrors, ...context].filter((r) => {
    const key = `${r.property ?? ''}\u0000${r.message}`;
    if (seen.has(key) || (!r.property && !r.message)) return false;
    seen.add(key);
    return true;
  });
}

/** A refusal as a ConnectorError's vendorError: every property it names, and what HubSpot said of each. */
export function vendorErrorOf(body: HubspotError, status: number): ConnectorError['vendorError'] {
  const refusals = refusalsOf(body);
  if (!refusals.length) return undefined;
  const named = refusals.filter((r): r is Refusal & { property: string } => !!r.property);
  const byField: Record<string, { code?: string; message: string }> = {};
  for (const r of named) byField[r.property] ??= { ...(r.code ? { code: r.code } : {}), message: r.message };
  const codes = [...new Set(refusals.map((r) => r.code).filter((c): c is string => !!c))];
  return {
    code: codes.join(', ') || body.category || `HTTP ${status}`,
    message: [...new Set(refusals.map((r) => r.message).filter(Boolean))].join('; '),
    fields: Object.keys(byField),
    ...(named.length ? { byField } : {}),
  };
}
