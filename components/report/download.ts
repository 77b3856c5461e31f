/**
 * Saves text as a file the way a web page can: a Blob, an object URL and a
 * temporary <a download>. Nothing is written as markup, so cell contents stay text.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark makes Excel read UTF-8 (campaign names carry dashes and accents).
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
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

/** "Spring: webinar #2" → "spring-webinar-2", for file names. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report';
}
