import type { Frame, Page } from 'puppeteer-core';

type Scope = Page | Frame;
type Name = string | RegExp;
type Wire = { text?: string; pattern?: string; flags?: string; within?: string };
type Kind = 'label' | 'button' | 'link';

const wire = (name: Name, within?: string): Wire =>
  typeof name === 'string' ? { text: name, within } : { pattern: name.source, flags: name.flags, within };

/** Polls from the test side: a wait inside the page dies with the document it waits in. */
export async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const found = await probe().catch(() => null);
    if (found !== null) return found;
  }
  throw new Error(`${what} not found within 10 s`);
}

/**
 * Finds the element a user would (a label's control, a button or link by its name), optionally
 * inside the element with a test id, and returns the centre of its box in the scope's viewport.
 * Tests act through the mouse and keyboard, as a user does: element handles do not survive an
 * in-page navigation under WebDriver BiDi.
 */
function locate(scope: Scope, kind: Kind, name: Name, within?: string): Promise<{ x: number; y: number }> {
  return until(
    () =>
      scope.evaluate(
        (k: Kind, n: Wire) => {
          const matches = (t: string) => (n.text !== undefined ? t.trim() === n.text : new RegExp(n.pattern ?? '', n.flags).test(t));
          const root = n.within ? document.querySelector(`[data-testid="${n.within}"]`) : document;
          if (!root) return null;
          const named = (selector: string) =>
            [...root.querySelectorAll(selector)].find((b) => matches(b.getAttribute('aria-label') ?? b.textContent ?? '')) ?? null;
          const el =
            k === 'label'
              ? ([...root.querySelectorAll('label')].find((l) => matches(l.textContent ?? ''))?.control ?? null)
              : named(k === 'link' ? 'a[href]' : 'button');
          // A disabled control is not there yet for a user: wait until the page enables it.
          if (!el || (el as HTMLInputElement).disabled) return null;
          el.scrollIntoView({ block: 'center' });
          const box = el.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        },
        kind,
        wire(name, within),
      ),
    `${kind} ${String(name)}`,
  );
}

/** Where a frame's viewport sits in its page: the page's own coordinates for a point inside it. */
async function offsetOf(page: Page, scope: Scope): Promise<{ x: number; y: number }> {
  if (scope === page || scope === page.mainFrame()) return { x: 0, y: 0 };
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="leadlight-frame"]')?.getBoundingClientRect();
    return { x: box?.x ?? 0, y: box?.y ?? 0 };
  });
}

/** A real mouse click on what a user would click, in the page or in Leadlight's frame. */
async function click(page: Page, scope: Scope, kind: Kind, name: Name, within?: string): Promise<void> {
  const point = await locate(scope, kind, name, within);
  const offset = await offsetOf(page, scope);
  await page.mouse.click(point.x + offset.x, point.y + offset.y);
}

/** Types into the control a visible label names, replacing what it held. */
export async function fillLabelled(page: Page, label: Name, value: string, scope: Scope = page, within?: string): Promise<void> {
  // A busy machine can drop the keys of the first try (focus not yet in the window); a user
  // would see the empty field and type again, so the helper checks what landed and retries.
  for (let attempt = 1; ; attempt++) {
    const point = await locate(scope, 'label', label, within);
    const offset = await offsetOf(page, scope);
    await page.mouse.click(point.x + offset.x, point.y + offset.y, { count: 3 });
    await page.keyboard.type(value);
    const typed = await scope.evaluate((n: Wire) => {
      const matches = (t: string) => (n.text !== undefined ? t.trim() === n.text : new RegExp(n.pattern ?? '', n.flags).test(t));
      const control = [...document.querySelectorAll('label')].find((l) => matches(l.textContent ?? ''))?.control;
      return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : null;
    }, wire(label));
    if (typed === value || attempt === 3) return;
  }
}

/** Current value of the control a visible label names. */
export function valueOfLabelled(scope: Scope, label: Name): Promise<string> {
  return until(
    () =>
      scope.evaluate((n: Wire) => {
        const matches = (t: string) => (n.text !== undefined ? t.trim() === n.text : new RegExp(n.pattern ?? '', n.flags).test(t));
        const control = [...document.querySelectorAll('label')].find((l) => matches(l.textContent ?? ''))?.control;
        return control instanceof HTMLInputElement ? control.value : null;
      }, wire(label)),
    `value of ${String(label)}`,
  );
}

/** Clicks the button whose visible text (or aria-label) matches. */
export const clickButton = (page: Page, name: Name, scope: Scope = page, within?: string) => click(page, scope, 'button', name, within);

/** Clicks the control (a radio, a checkbox) a visible label names. */
export const clickLabelled = (page: Page, name: Name, scope: Scope = page, within?: string) => click(page, scope, 'label', name, within);

/** Follows the link whose visible text matches. */
export const clickLink = (page: Page, name: Name, scope: Scope = page) => click(page, scope, 'link', name);

/** Text of every element with this test id, in document order. */
export function textsOf(scope: Scope, testId: string): Promise<string[]> {
  return scope
    .evaluate((id: string) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent ?? ''), testId)
    .catch(() => []);
}

/** Text of the first element with this test id, or null while there is none. */
export async function textOf(scope: Scope, testId: string): Promise<string | null> {
  return (await textsOf(scope, testId))[0] ?? null;
}
