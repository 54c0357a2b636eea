/**
 * Name-based UUIDs for `urn:uuid:` fullUrls, so that the same result always gives the same Bundle
 * (reproducible examples, stable tests, no clock or randomness). They are placeholders that only
 * link entries within one Bundle — a server assigns the real ids — so a non-cryptographic hash is
 * enough. Formatted as RFC 9562 version 8 (custom) UUIDs.
 */
export function nameUuid(name: string): string {
  const [a, b, c, d] = hash128(name);
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  const h = hex(a) + hex(b) + hex(c) + hex(d);
  const version = '8' + h.slice(13, 16);
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}-${variant}-${h.slice(20, 32)}`;
}

/** cyrb128: four 32-bit lanes of a fast string hash (public domain, bryc). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4];
}
