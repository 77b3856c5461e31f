import type { z } from 'zod';

/**
 * `schema.safeParse`, with a fast path for the values that pass. Zod walks every
 * value through its general machinery (payloads, issue arrays, cycle memo): checking
 * import batches was about a quarter of the background's busy time during an import,
 * and the extension's CSP rules out zod's own compiled mode. Here the schema is turned once into plain
 * closures for the node types records are made of (objects, arrays, strings, numbers,
 * booleans, optional, nullable, pipes), and every check is zod's own check function,
 * run in zod's order. Anything else (a transform, a default, a union…) is handed to
 * that node's own safeParse. Whenever the fast path finds a problem, the whole value
 * goes through `schema.safeParse`, so a failure always carries zod's own issues.
 */
export function fastParser<S extends z.ZodType>(schema: S): (value: unknown) => z.ZodSafeParseResult<z.output<S>> {
  // Read through a narrow view of zod's node internals (see Node below).
  const run = compile(schema as unknown as Node);
  return (value) => {
    const out = run(value);
    return out === FAIL ? schema.safeParse(value) : { success: true, data: out as z.output<S> };
  };
}

const FAIL: unique symbol = Symbol('fail');
type Run = (value: unknown) => unknown;

/** The slice of zod's internals this reads: a node's definition, traits and checks (zod's documented check protocol). */
type Check = { _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown } };
type Payload = { value: unknown; issues: unknown[] };
type Node = {
  _zod: {
    def: {
      type: string;
      coerce?: boolean;
      format?: string;
      checks?: Check[];
      shape?: Record<string, Node>;
      catchall?: unknown;
      element?: Node;
      innerType?: Node;
      in?: Node;
      out?: Node;
    };
    traits: Set<string>;
    optin?: string;
    optout?: string;
  };
  safeParse: (value: unknown) => { success: boolean; data?: unknown };
};

/** Formats whose whole test is zod's check function (a pattern or URL parse), with zod's plain string parse before it. */
const STRING_FORMATS = new Set(['email', 'datetime', 'date', 'time', 'regex', 'url', 'uuid', 'guid']);

function delegate(node: Node): Run {
  return (value) => {
    const r = node.safeParse(value);
    return r.success ? r.data : FAIL;
  };
}

/** zod runs the node's own check first when the node is a check itself (a string format), then its def's checks. */
function checksOf(node: Node): Check[] {
  const own = node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : [];
  return [...own, ...(node._zod.def.checks ?? [])];
}

/**
 * Runs checks on a value that passed its type test, as zod's runChecks does on a
 * payload without issues: a check with a condition runs only when it holds (zod's
 * length checks have one). A check that goes async is left to zod.
 */
function withChecks(checks: Check[], base: Run): Run {
  if (checks.length === 0) return base;
  // One payload per node, reset for each value: checks run synchronously and never re-enter it.
  const payload: Payload = { value: undefined, issues: [] };
  return (value) => {
    const v = base(value);
    if (v === FAIL) return FAIL;
    payload.value = v;
    for (const c of checks) {
      const { when } = c._zod.def;
      if (when && !when(payload)) continue;
      if (c._zod.check(payload) instanceof Promise || payload.issues.length > 0) {
        payload.issues.length = 0;
        return FAIL;
      }
    }
    return payload.value;
  };
}

function compile(node: Node): Run {
  const { def } = node._zod;
  if (def.coerce) return delegate(node);
  const leaf = (test: (v: unknown) => boolean) => withChecks(checksOf(node), (v) => (test(v) ? v : FAIL));
  switch (def.type) {
    case 'string':
      if (def.format !== undefined && !STRING_FORMATS.has(def.format)) return delegate(node);
      return leaf((v) => typeof v === 'string');
    case 'number':
      return leaf((v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return leaf((v) => typeof v === 'boolean');
    case 'object':
      return def.catchall === undefined ? withChecks(checksOf(node), objectRun(def.shape ?? {})) : delegate(node);
    case 'array': {
      const element = compile(def.element!);
      return withChecks(checksOf(node), (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) if ((out[i] = element(v[i])) === FAIL) return FAIL;
        return out;
      });
    }
    default:
      return wrapper(node) ?? delegate(node);
  }
}

/** optional, nullable and pipe, when they carry no checks of their own. */
function wrapper(node: Node): Run | undefined {
  const { def, traits } = node._zod;
  if (def.checks?.length) return undefined;
  if (def.type === 'optional' && !traits.has('$ZodExactOptional') && def.innerType!._zod.optin !== 'defaulted') {
    const inner = compile(def.innerType!);
    return (v) => (v === undefined ? undefined : inner(v));
  }
  if (def.type === 'nullable') {
    const inner = compile(def.innerType!);
    return (v) => (v === null ? null : inner(v));
  }
  if (def.type === 'pipe' && !traits.has('$ZodCodec')) {
    const first = compile(def.in!);
    const then = compile(def.out!);
    return (v) => {
      const mid = first(v);
      return mid === FAIL ? FAIL : then(mid);
    };
  }
  return undefined;
}

/**
 * A plain object: keys in the shape's order, unknown keys left out (zod's default
 * strip). An absent key is fine only for an optional field; a present undefined
 * keeps its key, as zod does. Anything else absent is left to zod.
 */
function objectRun(shape: Record<string, Node>): Run {
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return () => FAIL;
  const runs = keys.map((k) => compile(shape[k]!));
  const optional = keys.map((k) => shape[k]!._zod.optin === 'optional' && shape[k]!._zod.optout === 'optional');
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return FAIL;
    const source = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = source[key];
      if (value === undefined && !(key in source)) {
        if (optional[i]) continue;
        return FAIL;
      }
      const v = runs[i]!(value);
      if (v === FAIL) return FAIL;
      out[key] = v;
    }
    return out;
  };
}
