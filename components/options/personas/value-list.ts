/**
 * Values separated by commas, as people type them; one holding a comma is written in
 * double quotes ("Head of Sales, EMEA"), so a persona opened and saved unchanged keeps
 * its values rather than splitting them.
 */
export function joinList(values: readonly string[]): string {
  return values.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(', ');
}

export function list(text: string): string[] {
  const out: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      value += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (!quoted && c === '"' && value.trim() === '') {
      value = '';
      quoted = true;
    } else if (!quoted && c === ',') {
      out.push(value.trim());
      value = '';
    } else {
      value += c;
    }
  }
  out.push(value.trim());
  return out.filter(Boolean);
}
