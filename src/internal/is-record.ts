/**
 * Whether `value` is a plain JSON-style object (not null, not an array). Every parser of untrusted
 * JSON (feeds, cue payloads, store responses) narrows with this before reading fields.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
