import type { Frame, Page } from 'puppeteer-core';

type Scope = Page | Frame;
type Name = string | RegExp;
type Wire = { text?: string; pattern?: string; flags?: string };

const wire = (name: Name): Wire => (typeof name === 'string' ? { text: name } : { pattern: name.source, flags: name.flags });

/** Polls from the test side: a wait inside the page dies with the document it waits in. */
async function until<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const found = await probe().catch(() => null);
    if (found !== null) return found;
  }
  throw new Error(`${what} not found within 10 s`);
}

/**
 * Finds the element a user would (a label's control, a button by its name) and returns the
 * centre of its box. Tests act through the mouse and keyboard, as a user does: element handles
 * do not survive an in-page navigation under WebDriver BiDi.
 */
function locate(scope: Scope, kind: 'label' | 'button' | 'link', name: Name): Promise<{ x: number; y: number }> {
  return until(
    () =>
      scope.evaluate(
        (k: string, n: Wire) => {
          const matches = (t: string) => (n.text !== undefined ? t.trim() === n.text : new RegExp(n.pattern ?? '', n.flags).test(t));
          const named = (selector: string) =>
            [...document.querySelectorAll(selector)].find((b) => matches(b.getAttribute('aria-label') ?? b.textContent ?? '')) ?? null;
          const el =
            k === 'label'
              ? ([...document.querySelectorAll('label')].find((l) => matches(l.textContent ?? ''))?.control ?? null)
              : named(k === 'link' ? 'a[href]' : 'button');
          if (!el) return null;
          el.scrollIntoView({ block: 'center' });
          const box = el.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        },
        kind,
        wire(name),
      ),
    `${kind} ${String(name)}`,
  );
}

/** Types into the control a visible label names, replacing what it held. */
export async function fillLabelled(page: Page, label: Name, value: string): Promise<void> {
  const { x, y } = await locate(page, 'label', label);
  await page.mouse.click(x, y, { count: 3 });
  await page.keyboard.type(value);
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
export async function clickButton(page: Page, name: Name): Promise<void> {
  const { x, y } = await locate(page, 'button', name);
  await page.mouse.click(x, y);
}

/** Follows the link whose visible text matches. */
export async function clickLink(page: Page, name: Name): Promise<void> {
  const { x, y } = await locate(page, 'link', name);
  await page.mouse.click(x, y);
}

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
