/**
 * The host page's own theme, read from the background colour of its main region
 * (Gmail's dark theme paints it dark), then the body, then the root. Undefined when
 * all of them are transparent: the sidebar then follows the system setting.
 * It forces a style computation, so it runs only when a snapshot is sent.
 */
export function readHostTheme(doc: Document): 'light' | 'dark' | undefined {
  const win = doc.defaultView;
  if (!win) return undefined;
  for (const el of [doc.querySelector('[role="main"]'), doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgba = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!rgba || Number(rgba[4] ?? 1) < 0.5) continue;
    const [r, g, b] = [rgba[1], rgba[2], rgba[3]].map(Number) as [number, number, number];
    // Relative luminance (ITU-R BT.709 weights) on the 0–255 scale; mid-grey and below reads as dark.
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return undefined;
}
