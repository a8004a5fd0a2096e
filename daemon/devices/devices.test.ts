import { describe, expect, it } from 'vitest';
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';
import { overallState, serviceability } from './devices.ts';

const ready: DeviceStatuses = {
  cardReader: { state: 'noCard', reader: 'Simulated reader 00' },
  printer: { state: 'online', device: 'virtual printer' },
  scanner: { state: 'idle', device: 'sim:adf-scanner' },
  gpio: { state: 'online', lights: { cardSlot: 'off', scanner: 'off', printer: 'off', inService: 'on', alarm: 'off' }, inputs: { presence: false, tamper: false, serviceSwitch: false } },
  idCardReader: { state: 'noCard', device: 'simulated SAM module' },
};

describe('the ID-card reader in the overall state', () => {
  it('is ready with or without a card on it', () => {
    expect(overallState(ready)).toBe('ready');
    const withCard: DeviceStatuses = {
      ...ready,
      idCardReader: { state: 'cardPresent', device: 'simulated SAM module', holder: { name: '许文彬', idNumberMasked: '350204********011X', validity: { from: '2015-03-20', until: { kind: 'date', date: '2035-03-20' } } } },
    };
    expect(serviceability(withCard).idCardReader).toBe('ready');
    expect(overallState(withCard)).toBe('ready');
  });

  it('makes the kiosk degraded when missing or failing, never out of service on its own', () => {
    const missing: DeviceStatuses = { ...ready, idCardReader: { state: 'noDevice', reason: '/dev/eport-idcard: no such file' } };
    expect(serviceability(missing).idCardReader).toBe('unavailable');
    expect(overallState(missing)).toBe('degraded');
    expect(overallState({ ...ready, idCardReader: { state: 'error', device: '/dev/eport-idcard', message: 'no answer' } })).toBe('degraded');
    // A kiosk without one (devices.idCardReader: none) is not degraded by it.
    expect(overallState({ ...ready, idCardReader: { state: 'notFitted' } })).toBe('ready');
    // Out of service still takes no card reader and no scanner, whatever the ID-card reader does.
    expect(overallState({ ...ready, cardReader: { state: 'noDevice', reason: 'unplugged' }, scanner: { state: 'noDevice', reason: 'unplugged' } })).toBe('outOfService');
  });
});
