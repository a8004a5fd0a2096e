import { describe, expect, it } from 'vitest';
import { parseInbound } from './parse.ts';

const cmd = (header: Record<string, unknown>, payload?: unknown) => JSON.stringify({ header: { type: 'command', ...header }, ...(payload !== undefined && { payload }) });

describe('parseInbound', () => {
  it('accepts a well-formed command, payload optional', () => {
    expect(parseInbound(cmd({ name: 'Common.Status', requestId: 7, timeout: 5000 }, {}))).toEqual({
      kind: 'command',
      name: 'Common.Status',
      requestId: 7,
      timeoutMs: 5000,
      payload: {},
    });
    expect(parseInbound(cmd({ name: 'Common.Cancel', requestId: 1 }))).toMatchObject({ kind: 'command', payload: {}, timeoutMs: undefined });
    expect(parseInbound(cmd({ name: 'Common.Cancel', requestId: 2 }, { requestIds: [1] }))).toMatchObject({ kind: 'command', payload: { requestIds: [1] } });
  });

  // The table of bad messages: each gets the completion code and a description naming the problem.
  it.each([
    ['a JSON array', '[1,2]', { kind: 'unparseable' }, /JSON object/],
    ['a JSON string', '"hello"', { kind: 'unparseable' }, /JSON object/],
    ['malformed JSON', '{"header": {', { kind: 'unparseable' }, /not JSON/],
    ['an empty frame', '', { kind: 'unparseable' }, /not JSON/],
    ['no header', '{"payload":{}}', { kind: 'reject', completionCode: 'invalidData', requestId: undefined }, /header/],
    ['header not an object', '{"header":5}', { kind: 'reject', completionCode: 'invalidData', requestId: undefined }, /header/],
    ['missing name', cmd({ requestId: 3 }), { kind: 'reject', completionCode: 'invalidData', requestId: 3, name: 'Common.Error' }, /header\.name/],
    ['name of the wrong type', cmd({ name: 42, requestId: 3 }), { kind: 'reject', completionCode: 'invalidData', requestId: 3 }, /header\.name/],
    ['name without an interface', cmd({ name: 'Status', requestId: 3 }), { kind: 'reject', completionCode: 'invalidData' }, /Interface\.Command/],
    ['missing requestId', cmd({ name: 'Common.Status' }), { kind: 'reject', completionCode: 'invalidData', requestId: undefined, name: 'Common.Status' }, /header\.requestId/],
    ['requestId as a string', cmd({ name: 'Common.Status', requestId: '7' }), { kind: 'reject', completionCode: 'invalidData', requestId: undefined }, /header\.requestId/],
    ['requestId zero', cmd({ name: 'Common.Status', requestId: 0 }), { kind: 'reject', requestId: undefined }, /header\.requestId/],
    ['requestId fractional', cmd({ name: 'Common.Status', requestId: 1.5 }), { kind: 'reject', requestId: undefined }, /header\.requestId/],
    ['negative timeout', cmd({ name: 'Common.Status', requestId: 4, timeout: -1 }), { kind: 'reject', completionCode: 'invalidData', requestId: 4 }, /header\.timeout/],
    ['an unknown header field', cmd({ name: 'Common.Status', requestId: 4, priority: 'high' }), { kind: 'reject', requestId: 4 }, /priority/],
    ['type completion', JSON.stringify({ header: { name: 'Common.Status', requestId: 5, type: 'completion' } }), { kind: 'reject', completionCode: 'invalidCommand', requestId: 5 }, /only messages of type "command"/],
    ['type missing', JSON.stringify({ header: { name: 'Common.Status', requestId: 5 } }), { kind: 'reject', completionCode: 'invalidCommand' }, /type "command"/],
    ['an unknown command', cmd({ name: 'Printer.SelfDestruct', requestId: 6 }), { kind: 'reject', completionCode: 'unsupportedCommand', requestId: 6, name: 'Printer.SelfDestruct' }, /unknown command Printer\.SelfDestruct/],
    ['a prototype key as a command', cmd({ name: 'Common.Constructor', requestId: 6 }), { kind: 'reject', completionCode: 'unsupportedCommand' }, /unknown command/],
    ['payload not an object', cmd({ name: 'Common.Status', requestId: 8 }, [1]), { kind: 'reject', completionCode: 'invalidData', requestId: 8 }, /payload/],
    ['an unexpected payload field', cmd({ name: 'Common.Status', requestId: 8 }, { verbose: true }), { kind: 'reject', completionCode: 'invalidData' }, /verbose/],
    ['a payload field of the wrong type', cmd({ name: 'Common.Cancel', requestId: 9 }, { requestIds: 'all' }), { kind: 'reject', completionCode: 'invalidData', requestId: 9 }, /payload\.requestIds/],
    ['a payload array item of the wrong type', cmd({ name: 'Common.Cancel', requestId: 9 }, { requestIds: [1, 'x'] }), { kind: 'reject', completionCode: 'invalidData' }, /payload\.requestIds\.1/],
  ])('%s', (_label, text, expected, description) => {
    const parsed = parseInbound(text);
    expect(parsed).toMatchObject(expected);
    expect('description' in parsed ? parsed.description : '').toMatch(description);
  });
});
