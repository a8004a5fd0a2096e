import { describe, expect, it } from 'vitest';
import { commandPayloadSchemas, secretPayloadFields } from '../../contract/protocol/catalogue.ts';
import { flowActionSchema } from '../../contract/protocol/flow-messages.ts';
import { secretField, secretFieldNames } from '../../contract/protocol/secret.ts';
import { redactSecrets } from './redact-secrets.ts';

describe('the daemon redacts every secret field the protocol declares', () => {
  it('finds them in the schemas, nested unions included', () => {
    expect([...secretPayloadFields].sort()).toEqual(['confirmation', 'newPin', 'oldPin', 'pin']);
    expect(secretFieldNames([flowActionSchema])).toEqual(new Set(['pin', 'confirmation', 'oldPin']));
  });

  it('a field declared secret tomorrow is covered by that declaration alone', async () => {
    const { z } = await import('zod');
    expect(secretFieldNames([z.strictObject({ puk: secretField, note: z.string() })])).toEqual(new Set(['puk']));
  });

  it('drops them wherever they appear in a log line or journal row', () => {
    const action = { action: 'newPin', pin: '20481357', confirmation: '20481357' };
    const redacted = JSON.stringify(redactSecrets({ command: 'Kiosk.FlowAction', payload: action, nested: [{ confirmation: '20481357' }] }));
    expect(redacted).not.toContain('20481357');
    expect(redacted).toContain('[redacted]');
  });

  it('every command payload schema was looked at', () => {
    expect(Object.keys(commandPayloadSchemas).length).toBeGreaterThan(20);
  });
});
