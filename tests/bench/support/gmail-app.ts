import { generateDemoData } from '@/lib/demo/demo-data';

/** A demo contact with a thread in the bench page. */
export type BenchThread = { id: string; email: string; name: string };

/** Demo contacts (the extension's bundled data), one thread each, in a stable order. */
export function benchThreads(count: number): BenchThread[] {
  return generateDemoData()
    .contacts.filter((c) => c.name)
    .slice(0, count)
    .map((c, i) => ({ id: `t${String(i).padStart(4, '0')}`, email: c.email, name: c.name! }));
}

/**
 * A Gmail-like single-page app whose own script does real work, as Gmail's does: it
 * renders the inbox list and each thread from data, formats and sorts on every
 * navigation, and on its own timers re-renders inbox rows (each with a sender
 * `email` marker, as Gmail's rows have) and a notification area. A session of
 * navigations runs from the page's own timers, so CDP ScriptDuration counts it.
 *
 * Page API: `__startSession(ids, gapMs)` → sets `__sessionDone` when finished;
 * `__renderedAt` is the epoch time (performance.timeOrigin based) the last thread view
 * was put into the DOM; `__whenShown(id)` resolves to the epoch time that thread's
 * subject reached the screen (Element Timing).
 */
export function gmailAppHtml(threads: BenchThread[], self = 'alex.rivera@brightwave.example'): string {
  const data = JSON.stringify({ threads, self });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox - ${self} - Gmail</title>
<style>body{margin:0;font:14px Arial}div[role=main]{position:absolute;inset:0 0 0 200px;overflow:auto}.row{display:flex;gap:8px;height:28px}
.view{padding:8px}.msg{border-bottom:1px solid #eee;padding:6px}</style></head><body>
<nav style="width:200px">Inbox</nav><div role="main" id="main"></div><div id="notes" aria-hidden="true" style="display:none"></div>
<script>
(function () {
  var D = ${data};
  var main = document.getElementById('main');
  var notes = document.getElementById('notes');
  var list = document.createElement('div');
  list.className = 'view';
  main.appendChild(list);
  var current = null;
  var tick = 0;
  function words(seed, n) { var w = []; for (var i = 0; i < n; i++) w.push(['pilot','data','route','budget','quarter','team','renewal','invoice'][(seed * 7 + i * 13) % 8]); return w.join(' '); }
  function row(t, i) {
    var r = document.createElement('div'); r.className = 'row'; r.setAttribute('role', 'row');
    var s = document.createElement('span'); s.className = 'yP'; s.setAttribute('email', t.email); s.setAttribute('name', t.name); s.textContent = t.name;
    var subj = document.createElement('span'); subj.textContent = words(i + tick, 6);
    var date = document.createElement('span'); date.textContent = new Date(Date.UTC(2026, 2, 1 + (i % 28), 9, i % 60)).toLocaleString('en-US');
    r.append(s, subj, date);
    r.addEventListener('click', function () { location.hash = '#inbox/' + t.id; });
    return r;
  }
  function renderList() {
    // Sorting and formatting every row, as a real mail client does when the list changes.
    var sorted = D.threads.slice().sort(function (a, b) { return (a.name + tick).localeCompare(b.name + tick); });
    list.replaceChildren.apply(list, sorted.map(row));
  }
  function renderThread(t) {
    var view = document.createElement('div'); view.className = 'view';
    var h2 = document.createElement('h2'); h2.className = 'hP'; h2.setAttribute('data-legacy-thread-id', t.id); h2.setAttribute('elementtiming', 'thread-subject'); h2.textContent = words(t.id.length, 5);
    view.appendChild(h2);
    for (var m = 0; m < 16; m++) {
      var msg = document.createElement('div'); msg.className = 'msg';
      var from = document.createElement('span'); from.className = 'gD';
      var who = m % 2 ? { email: D.self, name: 'Alex Rivera' } : t;
      from.setAttribute('email', who.email); from.setAttribute('name', who.name); from.textContent = who.name;
      var to = document.createElement('div'); to.className = 'hb';
      var rcpt = document.createElement('span'); rcpt.className = 'g2'; var other = m % 2 ? t : { email: D.self, name: 'Alex Rivera' };
      rcpt.setAttribute('email', other.email); rcpt.textContent = other.name; to.appendChild(rcpt);
      var body = document.createElement('div');
      for (var p = 0; p < 40; p++) { var para = document.createElement('p'); para.textContent = words(m * 31 + p, 40); body.appendChild(para); }
      msg.append(from, to, body);
      view.appendChild(msg);
    }
    return view;
  }
  function route() {
    var m = /^#inbox\\/(\\w+)$/.exec(location.hash);
    var t = m && D.threads.find(function (x) { return x.id === m[1]; });
    if (current) { current.remove(); current = null; }
    if (t) {
      list.style.display = 'none';
      current = renderThread(t);
      main.appendChild(current);
      window.__renderedAt = performance.timeOrigin + performance.now();
      // A mark in Chromium's trace, where the bench reads CPU time from.
      console.timeStamp('ll:rendered');
      document.title = t.name + ' - ' + D.self + ' - Gmail';
    } else {
      list.style.display = '';
      renderList();
    }
  }
  // Gmail's background churn: every 50 ms a sync re-renders 20 inbox rows (with their
  // sender markers) and posts to the notification area.
  setInterval(function () {
    tick++;
    var rows = list.children;
    for (var i = 0; i < 20 && rows.length; i++) {
      var k = (tick * 20 + i) % rows.length;
      rows[k].replaceWith(row(D.threads[k % D.threads.length], k));
    }
    var n = document.createElement('div'); n.textContent = 'sync ' + tick; notes.appendChild(n);
    if (notes.children.length > 30) notes.firstChild.remove();
  }, 50);
  window.__startSession = function (ids, gap) {
    window.__sessionDone = false;
    var i = 0;
    (function next() {
      if (i >= ids.length) { location.hash = '#inbox'; setTimeout(function () { window.__sessionDone = true; }, gap); return; }
      location.hash = ids[i++] ? '#inbox/' + ids[i - 1] : '#inbox';
      setTimeout(next, gap);
    })();
  };
  // When each thread's subject reached the screen, from the browser's Element Timing.
  var shown = {};
  var waiting = {};
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      var id = e.identifier === 'thread-subject' && e.element && e.element.getAttribute('data-legacy-thread-id');
      if (!id || !e.renderTime) return;
      shown[id] = performance.timeOrigin + e.renderTime;
      if (waiting[id]) waiting[id](shown[id]);
    });
  }).observe({ type: 'element', buffered: true });
  window.__whenShown = function (id) {
    return shown[id] ? Promise.resolve(shown[id]) : new Promise(function (resolve) { waiting[id] = resolve; });
  };
  window.addEventListener('hashchange', route);
  renderList();
  route();
})();
</script></body></html>`;
}
