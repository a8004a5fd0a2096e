// Redaction as the daemon applies it to every log line, journal row and receipt: basics' redact
// (PIN-like keys dropped, ID numbers masked) plus every secret field the protocol declares.
import { redactWith } from '../../basics/redact.ts';
import { secretPayloadFields } from '../../contract/protocol/catalogue.ts';

export const redactSecrets = redactWith(secretPayloadFields);
