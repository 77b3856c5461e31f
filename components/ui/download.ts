/**
 * Saves text as a file the way a web page can: a Blob, an object URL and a
 * temporary <a download>. Nothing is written as markup, so contents stay text.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // CSV gets a byte-order mark so Excel reads UTF-8 (campaign names carry dashes and accents);
  // JSON must not have one, or parsers refuse it.
  const parts = type.startsWith('text/csv') ? ['\uFEFF', text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The click has handed the URL to the download; free it once that has started.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
