/**
 * A random (version 4) UUID. `crypto.randomUUID` exists in Node 20 and in browsers, but browsers
 * expose it only in secure contexts (HTTPS, localhost): a kiosk served over plain HTTP on a local
 * network would otherwise fail to start a session. `crypto.getRandomValues` has no such limit.
 */
export function randomUUID(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
