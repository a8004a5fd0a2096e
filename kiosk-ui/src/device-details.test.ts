import { describe, expect, it } from 'vitest';
import type { DeviceStatuses } from '../../contract/protocol/catalogue.ts';
import { deviceDetails } from './device-details.ts';
import { describeDevice, stripDeviceKinds } from './device-view.ts';

const devices: DeviceStatuses = {
  cardReader: {
    state: 'present',
    reader: 'Virtual PCD 00 00',
    atr: '3B 00',
    card: {
      cardNo: 'EP0001',
      cardType: 'operator',
      holderName: '张三',
      holderIdNumberMasked: '110101********1234',
      enterpriseName: '示例贸易有限公司',
      uscc: '91110000000000000X',
      certificateNotAfter: '2027-01-01',
      lifecycle: 'locked',
      pinTriesLeft: 0,
    },
  },
  printer: { state: 'noDevice', reason: 'not configured' },
  scanner: { state: 'busy', device: 'pnm:0', operation: 'scan' },
  gpio: {
    state: 'online',
    lights: { cardSlot: 'slow', scanner: 'off', printer: 'off', inService: 'on', alarm: 'off' },
    inputs: { presence: true, tamper: false, serviceSwitch: false },
  },
  idCardReader: {
    state: 'cardPresent',
    device: '/dev/eport-idcard',
    holder: { name: '许文彬', idNumberMasked: '350203********1234', validity: { from: '2015-03-20', until: { kind: 'date', date: '2035-03-20' } } },
  },
};

describe('deviceDetails', () => {
  it('lists what a technician needs and no personal data', () => {
    const card = deviceDetails('cardReader', devices, 'zh-CN');
    expect(card).toEqual([
      { labelKey: 'tech.detail.device', value: 'Virtual PCD 00 00' },
      { labelKey: 'tech.detail.cardNo', value: 'EP0001' },
      { labelKey: 'tech.detail.lifecycle', value: '密码已锁定' },
    ]);
    expect(JSON.stringify(card)).not.toMatch(/张三|110101/);
    expect(deviceDetails('printer', devices, 'zh-CN')).toEqual([{ labelKey: 'tech.detail.reason', value: 'not configured' }]);
    expect(deviceDetails('scanner', devices, 'zh-CN')).toEqual([
      { labelKey: 'tech.detail.device', value: 'pnm:0' },
      { labelKey: 'tech.detail.operation', value: 'scan' },
    ]);
    // In words, not the protocol's identifiers (cardSlot, slow, tamper: true).
    const [lights, inputs] = deviceDetails('gpio', devices, 'en');
    expect(lights?.labelKey).toBe('tech.detail.lights');
    expect(lights?.value.split('\n')).toHaveLength(5);
    expect(lights?.value).not.toMatch(/cardSlot|inService|\bslow\b/);
    expect(inputs?.value).not.toMatch(/true|false|tamper/);
    const zh = deviceDetails('gpio', devices, 'zh-CN').map((entry) => entry.value).join('\n');
    expect(zh).not.toMatch(/[a-z]{3,}/);
    const idCard = deviceDetails('idCardReader', devices, 'zh-CN');
    expect(idCard).toEqual([
      { labelKey: 'tech.detail.device', value: '/dev/eport-idcard' },
      { labelKey: 'tech.detail.idCardValidUntil', value: '2035-03-20' },
    ]);
    expect(JSON.stringify(idCard)).not.toMatch(/许文彬|350203/);
  });
});

describe('a kiosk without an ID-card reader', () => {
  it('leaves it off the status strip and shows no details for it', () => {
    const without: DeviceStatuses = { ...devices, idCardReader: { state: 'notFitted' } };
    expect(stripDeviceKinds(without)).toEqual(['cardReader', 'printer', 'scanner', 'gpio']);
    expect(stripDeviceKinds(devices)).toEqual(['cardReader', 'printer', 'scanner', 'gpio', 'idCardReader']);
    expect(stripDeviceKinds(null)).toHaveLength(5);
    expect(deviceDetails('idCardReader', without, 'zh-CN')).toEqual([]);
    expect(describeDevice('idCardReader', without)).toMatchObject({ stateKey: 'state.idCardReader.notFitted', level: 'ready', state: 'notFitted' });
  });
});
