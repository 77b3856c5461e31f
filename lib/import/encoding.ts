/**
 * Which text encoding a file is in. Excel on Windows and older CRMs still write
 * CSV as Windows-1252 / ISO-8859-1; decoding that as UTF-8 would turn "Müller"
 * into "M�ller" in every sidebar. Valid UTF-8 is never accidentally valid for
 * accented Latin-1 text, so a strict UTF-8 check is a reliable test.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // WHATWG maps "iso-8859-1" to windows-1252 anyway; naming it says what we really decode.
    return 'windows-1252';
  }
}

/** The file as text, in the encoding it was written in; a UTF-8 byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** NUL bytes do not occur in text files (UTF-16 aside): an .xlsx or PDF picked by mistake. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  return bytes.subarray(0, 8192).includes(0);
}
