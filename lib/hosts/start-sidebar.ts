import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentMessenger } from '../messaging/content-protocol';
import { createDetectionSender } from '../messaging/detection-port';
import { watchOpenChoice } from '../messaging/open-choice';
import { OPEN_KEY, type PageSnapshot } from '../messaging/sidebar-port';
import { followCompanyDomains } from './company-domains';
import { createDetectionStore } from './detection-store';
import type { HostModule } from './host-module';
import { readHostTheme } from './host-theme';
import { createThemeReader, THEME_MAX_AGE_MS } from './theme-reader';
import { whenIdle } from './when-idle';
import { createLayoutPrediction } from './layout-prediction';
import { createSidebarFrame } from './sidebar-frame';
import { startHostWatch } from './start-host-watch';

/**
 * The content script's whole job: detect who is on the page, relay that to the
 * background (which passes it to this tab's sidebar frame), and give the frame the
 * room it asks for. It renders nothing itself and holds no contact data.
 */
export function startSidebar(ctx: ContentScriptContext, host: HostModule): void {
  const store = createDetectionStore();
  const page = crypto.randomUUID();
  // Leadlight updated or removed: stopping the script restores the page (see createSidebarFrame's cleanup).
  const detections = createDetectionSender(() => ctx.abort('Leadlight was updated or removed'));
  // Made when first needed (a contact, the shortcut, or the page going idle): on a page
  // without one, the script's first run at load skips it.
  let madeFrame: ReturnType<typeof createSidebarFrame> | undefined;
  const frame = () => (madeFrame ??= createSidebarFrame(document, ctx.signal, page, detections.handOver));
  let seq = 0;
  let focusWhenShown = false;
  const theme = createThemeReader({
    read: () => readHostTheme(document),
    whenIdle,
    // Sent again only if the sidebar shows: the frame takes the theme from the snapshot.
    onChange: () => {
      if (!ctx.isInvalid && last && (last.participants.length > 0 || last.toggles > 0)) report();
    },
  });
  const snapshot = (): PageSnapshot => {
    const { participants, toggles, lookup } = store.get();
    const shown = participants.length > 0 || toggles > 0;
    return { page, seq, participants, toggles, theme: shown ? theme.current() : undefined, ...(lookup ? { lookup } : {}) };
  };
  let last: PageSnapshot | undefined;
  const layouts = createLayoutPrediction(page);
  let recheck = () => {};
  const domains = followCompanyDomains(() => recheck(), ctx.signal);
  // The rep's open/collapsed choice and the company's other domains, read once (when the page is
  // idle, or with the first contact), then followed as the rep changes them here or in another tab.
  // The contact is not held for the read: on a browser just started it took tens of ms.
  let remembered: Promise<void> | undefined;
  const rememberOpen = () => {
    domains.listen();
    return (remembered ??= browser.storage.local.get([OPEN_KEY, domains.key]).then(
      (stored) => {
        // Read with the first contact when the page was not idle before it: a colleague among
        // them leaves at once, before the page makes room (the layout waits for this read).
        layouts.remember(stored[OPEN_KEY] !== false);
        if (domains.take(stored)) recheck();
      },
      () => void domains.take(undefined),
    ));
  };
  const layOut = (at: PageSnapshot, byShortcut: boolean) => {
    if (ctx.signal.aborted) return;
    const next = layouts.predict(at.seq, at.participants.length > 0, byShortcut);
    if (next) frame().setLayout(next);
  };
  const report = () => {
    // Reading isInvalid is what stops a script whose extension was updated (WXT checks the runtime's id):
    // its cleanup takes the frame away and gives the page its margin back.
    if (ctx.isInvalid) return;
    const previous = last;
    seq += 1;
    last = snapshot();
    const current = last;
    const byShortcut = !!previous && previous.toggles !== current.toggles;
    // The UI loads only once there is something to show (or the shortcut asked for it).
    if (current.participants.length > 0 || current.toggles > 0) frame().preload(true);
    const send = () => detections.send(current);
    // Nobody on the page as it loads: the background hears it when the page is idle. Runtime
    // messaging's first use costs the page several ms of its load, and nothing waits for this.
    if (current.seq === 1 && current.participants.length === 0 && current.toggles === 0) whenIdle(send);
    else send();
    // Make room now, in the same task as the page's own change; the frame confirms once it renders.
    // (Before the page's next rendering either way: a settled read continues in this task's microtasks.)
    if (current.participants.length === 0) layOut(current, byShortcut);
    else void rememberOpen().then(() => current === last && layOut(current, byShortcut));
  };
  store.subscribe(report);

  // Listen before the first detection: the background may ask for it as soon as the frame connects.
  const fromBackground = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const offs = [
    contentMessenger.onMessage('toggleSidebar', ({ sender }) => {
      if (!fromBackground(sender) || ctx.isInvalid) return;
      // The shortcut first brings focus to an open sidebar; pressed there, it collapses it.
      const f = frame();
      if (f.layout === 'panel' && !f.hasFocus()) return f.focus();
      focusWhenShown = f.layout !== 'panel';
      store.toggle();
    }),
    contentMessenger.onMessage('showContact', ({ data, sender }) => {
      if (!fromBackground(sender) || ctx.isInvalid) return;
      // Like the shortcut: the frame opens on the person looked up, and keyboard focus goes there.
      focusWhenShown = true;
      store.setLookup({ email: data.email.toLowerCase() });
    }),
    watchOpenChoice((open) => layouts.choose(open)),
    contentMessenger.onMessage('getDetection', ({ sender }) => (fromBackground(sender) ? (last ?? snapshot()) : undefined)),
    contentMessenger.onMessage('applyLayout', ({ data, sender }) => {
      if (!fromBackground(sender) || ctx.isInvalid) return;
      if (!layouts.confirm(data.layout, data.seq, (last?.participants.length ?? 0) > 0, data.page)) return;
      frame().setLayout(data.layout);
      if (data.layout === 'panel' && focusWhenShown) {
        focusWhenShown = false;
        frame().focus();
      }
    }),
  ];
  ctx.onInvalidated(() => offs.forEach((off) => off()));

  recheck = startHostWatch(host, store, ctx.signal).recheck;
  // Load the frame's small bootstrap once the page is idle, so the first contact shows fast.
  whenIdle(() => {
    if (ctx.isInvalid) return;
    frame().preload();
    void rememberOpen();
    theme.warm();
    // A thread left open while the rep switches the host's theme: re-read it (when idle) while the sidebar shows.
    const recheckTheme = () => {
      if (document.visibilityState === 'visible' && last && (last.participants.length > 0 || last.toggles > 0)) theme.recheck();
    };
    ctx.setInterval(recheckTheme, THEME_MAX_AGE_MS);
    document.addEventListener('visibilitychange', recheckTheme, { signal: ctx.signal });
    // A system theme change matters when the host's own theme cannot be read. Heard from here on:
    // the first seconds of a page's load are not worth the first run's time.
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => {
        theme.forget();
        report();
      },
      { signal: ctx.signal },
    );
  }, 3000);
}
