import { describe, expect, it } from 'vitest';
import { counterNames } from '../../contract/protocol/catalogue.ts';
import { translate } from './i18n.ts';
import { counterKeys, formatCounter, logLevelTone, parseLogLine, scannerBusinesses, scannerDefects, scannerFaults } from './technician-tools.ts';

describe('technician tools', () => {
  it('show paper in metres and the other counters whole, with their units', () => {
    expect(formatCounter('paperUsedMm', 12_345, 'en')).toBe('12.35');
    expect(translate('en', counterKeys('paperUsedMm').value, { value: formatCounter('paperUsedMm', 12_345, 'en') })).toBe('12.35 m');
    expect(translate('zh-CN', counterKeys('pagesScanned').value, { value: formatCounter('pagesScanned', 1234, 'zh-CN') })).toBe('1,234 页');
    expect(new Set(counterNames.map((name) => counterKeys(name).label)).size).toBe(counterNames.length);
  });

  it('split a JSON log line into its compact parts and keep anything else raw', () => {
    const raw = JSON.stringify({ time: '2026-01-02T03:04:05.678Z', level: 'warn', event: 'K3004', name: 'ws.badMessage', msg: 'inbound message rejected', connection: 3 });
    expect(parseLogLine(raw)).toEqual({ time: '2026-01-02T03:04:05.678Z', level: 'warn', event: 'K3004', name: 'ws.badMessage', msg: 'inbound message rejected', raw });
    expect(parseLogLine('not json')).toEqual({ time: null, level: null, event: null, name: null, msg: null, raw: 'not json' });
    expect(logLevelTone('error')).toBe('error');
    expect(logLevelTone(null)).toBe('info');
  });

  it('name every scanner business, defect and fault of the protocol', () => {
    expect(scannerBusinesses).toEqual(['new_enrolment', 'change', 'renewal', 'change_renewal', 'card_replacement', 'add_operator', 'unlock']);
    expect(scannerDefects).toEqual(['none', 'blank', 'noSeal', 'heavySkew', 'lowResolution', 'differentName']);
    expect(scannerFaults).toEqual(['jam', 'coverOpen', 'clear']);
  });
});
