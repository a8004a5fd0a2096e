// The legal-person proof of a registry operation (LegalPersonProof in authority.ts): the message
// the legal-person card signs with INTERNAL AUTHENTICATE (its current key, after VERIFY), binding
// the authority's challenge to one operation on one card, so a signature for "unfreeze card A"
// cannot be replayed as "report card B lost". The kiosk builds it; the authority rebuilds it.
import type { RegistryOperation } from './authority.ts';

const label = Buffer.from('EPORT-REGISTRY-OP\0', 'ascii');

/** label ‖ challenge ‖ 0 ‖ operation (ASCII) ‖ 0 ‖ target card number (ASCII; empty for declareOperator). At most 255 bytes: one INTERNAL AUTHENTICATE. */
export function registryProofMessage(challenge: Uint8Array, operation: RegistryOperation, targetCardNo: string | null): Buffer {
  return Buffer.concat([label, challenge, Buffer.from([0]), Buffer.from(operation, 'ascii'), Buffer.from([0]), Buffer.from(targetCardNo ?? '', 'ascii')]);
}
