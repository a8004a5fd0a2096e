// The QR payload on the (simulated) business licence. Real licences carry a URL of the national
// enterprise credit publicity system, which the kiosk cannot resolve offline; ours carries the
// fields themselves as compact JSON with a format tag, so the scan flow can fill the package from
// it and the intake check can compare it with what the agent confirms:
//   {"f":"eport-bl/1","name":"…","uscc":"…","legalRepresentative":"…","address":"…",
//    "establishedOn":"YYYY-MM-DD","validUntil":"YYYY-MM-DD"|"长期","issuer":"…"}
// JSON rather than key=value because names and addresses may hold any character; UTF-8 in
// QR byte mode, which zxing-wasm and zbarimg both decode as UTF-8.
import { z } from 'zod';

export const licenceQrFormat = 'eport-bl/1';

export const licenceQrSchema = z.object({
  f: z.literal(licenceQrFormat),
  name: z.string().min(1).max(128),
  uscc: z.string().min(1).max(32),
  legalRepresentative: z.string().min(1).max(64),
  address: z.string().min(1).max(256),
  establishedOn: z.string().max(16),
  validUntil: z.string().max(16),
  issuer: z.string().max(128),
});

export type LicenceQr = Omit<z.infer<typeof licenceQrSchema>, 'f'>;

export function encodeLicenceQr(fields: LicenceQr): string {
  return JSON.stringify({ f: licenceQrFormat, ...fields });
}

/** The licence's fields, or null when the text is not our payload (another QR, a URL). */
export function parseLicenceQr(text: string): LicenceQr | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = licenceQrSchema.safeParse(json);
  if (!parsed.success) return null;
  const { f: _format, ...fields } = parsed.data;
  return fields;
}
