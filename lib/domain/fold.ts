// Letters that NFD does not split into a base letter and a mark.
const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', ı: 'i', þ: 'th' };

/**
 * Lower case without accents, so "muller" finds Müller and "sao" finds São:
 * people type names the way their keyboard makes easy.
 */
export function fold(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßøæœđłıþ]/g, (c) => SPECIAL[c] ?? c)
      // A typed ' finds O’Brien: keyboards make the straight one, CRMs often store the curly one.
      .replace(/[\u2018\u2019\u02bc]/g, "'")
  );
}
