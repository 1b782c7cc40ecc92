// Base64 in the four variants of util.Type: basic, MIME (76-character lines
// ending in CRLF), and their URL-safe forms ('-' and '_' without padding).
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MIME_LINE = 76;

export enum Base64Type {
  BASIC = 0,
  MIME = 1,
  BASIC_URL_SAFE = 2,
  MIME_URL_SAFE = 3,
}

export function encodeBase64(bytes: Uint8Array, type: Base64Type = Base64Type.BASIC): string {
  const urlSafe = type === Base64Type.BASIC_URL_SAFE || type === Base64Type.MIME_URL_SAFE;
  const alphabet = urlSafe ? URL_SAFE : STANDARD;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (urlSafe ? '' : '==');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (urlSafe ? '' : '=');
  }
  if (type === Base64Type.MIME || type === Base64Type.MIME_URL_SAFE) {
    const lines: string[] = [];
    for (let at = 0; at < out.length; at += MIME_LINE) {
      lines.push(out.slice(at, at + MIME_LINE));
    }
    out = lines.join('\r\n') + (lines.length > 0 ? '\r\n' : '');
  }
  return out;
}

/** Decodes either alphabet, with or without padding; whitespace is ignored. Returns undefined for malformed input. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s]/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) {
    return undefined;
  }
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    let value = STANDARD.indexOf(c);
    if (value === -1) {
      value = URL_SAFE.indexOf(c);
    }
    if (value === -1) {
      return undefined;
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, written);
}
