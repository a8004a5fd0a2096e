// The confirm screen's masked ID numbers across a refusal: the number the agent typed last is the
// one kept, shown masked, and sending the masked value back keeps it (not the number read before).
import { describe, expect, it } from 'vitest';
import type { FieldView, PaperRequest } from '../../contract/flow-view.ts';
import { confirmedValues, readAgain, readPaper } from './paper-step.ts';

const paper: PaperRequest = { label: { zh: '经办人身份证原件', en: 'ID card of the agent (original)' }, position: { index: 0, of: 1 }, wanted: { kind: 'id_card', form: 'original', role: 'agent' } };
const fields: FieldView[] = [
  { key: 'name', label: { zh: '姓名', en: 'name' }, value: '许文彬', input: 'text', required: true, source: 'earlier' },
  { key: 'idNumber', label: { zh: '身份证号码', en: 'ID number' }, value: '35020419800109011X', input: 'idNumber', required: true, source: 'earlier' },
];

describe('readAgain', () => {
  it('keeps the newly typed number after a refusal, masked on screen', () => {
    const read = readPaper(paper, 0, fields);
    expect(read.fields[1]?.value).toBe('350204********011X');
    const typed = '350206199505160107';
    const values = confirmedValues(read, { name: '', idNumber: typed });
    const again = readAgain(read, values, { kind: 'fieldsInvalid', fields: ['name'] });
    expect(again.fields[1]).toMatchObject({ value: '350206********0107', source: 'agent' });
    // The masked value sent back stands for the number typed, not the one read before.
    expect(confirmedValues(again, { name: '周明辉', idNumber: '350206********0107' })).toEqual({ name: '周明辉', idNumber: typed });
  });

  it('keeps what was read when the agent left it as shown', () => {
    const read = readPaper(paper, 0, fields);
    const again = readAgain(read, confirmedValues(read, { name: 'x', idNumber: '350204********011X' }), { kind: 'fieldsInvalid', fields: ['name'] });
    expect(again.fields[1]).toMatchObject({ value: '350204********011X', source: 'earlier' });
    expect(confirmedValues(again, {}).idNumber).toBe('35020419800109011X');
  });
});
