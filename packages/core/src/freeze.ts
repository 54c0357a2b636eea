/**
 * Freeze an object graph. `as const` and `readonly` only bind TypeScript callers; data the
 * clinical logic relies on (instrument wording and scores, a session's configuration) is frozen at
 * run time too, so a host's stray assignment cannot change it underneath other code.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
