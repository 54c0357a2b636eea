/**
 * JSON with object keys sorted, so that the same data always gives the same text, whatever the
 * order its keys were written in (comparing configurations, hashing a context). `'null'` for what
 * JSON cannot say (undefined).
 */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? 'null'
  );
}
