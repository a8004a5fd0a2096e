// JSON with byte arrays, for the authority's stored answers and request fingerprints:
// a Uint8Array becomes {"$base64": "..."} and comes back as a Buffer.
import { createHash } from 'node:crypto';

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    // Sorted keys: the same request always has the same fingerprint, whatever built it.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(encode(value));
}

export function fromJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const b64 = (value as { $base64?: unknown }).$base64;
      if (keys.length === 1 && typeof b64 === 'string') return Buffer.from(b64, 'base64');
    }
    return value;
  });
}

/** SHA-256 of the canonical JSON: equal requests, equal fingerprints. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(toJson(value)).digest('hex');
}
