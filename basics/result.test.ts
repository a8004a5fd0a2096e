import { describe, expect, it } from 'vitest';
import { asyncResultBlock, err, mapOk, ok, resultBlock, valueOr, type Result } from './result.ts';

const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`odd: ${n}`));

describe('Result', () => {
  it('resultBlock returns the body as a success when every take succeeds', () => {
    expect(resultBlock<number, string>((take) => take(half(take(half(8)))))).toEqual(ok(2));
  });

  it('resultBlock ends at the first failure and runs nothing after it', () => {
    const after: number[] = [];
    const result = resultBlock<number, string>((take) => {
      const a = take(half(6));
      after.push(a);
      const b = take(half(a));
      after.push(b);
      return b;
    });
    expect(result).toEqual(err('odd: 3'));
    expect(after).toEqual([3]);
  });

  it('resultBlock lets exceptions through: an exception is a bug, not a failure', () => {
    expect(() => resultBlock(() => { throw new RangeError('bug'); })).toThrow(RangeError);
  });

  it('a failure taken in an inner block ends only the inner block', () => {
    const outer = resultBlock<Result<number, string>, string>((take) => resultBlock((innerTake) => innerTake(half(take(half(2))))));
    expect(outer).toEqual(ok(err('odd: 1')));
  });

  it('asyncResultBlock does the same for awaited results', async () => {
    const later = async (n: number) => half(n);
    expect(await asyncResultBlock<number, string>(async (take) => take(await later(take(await later(4)))))).toEqual(ok(1));
    expect(await asyncResultBlock<number, string>(async (take) => take(await later(5)))).toEqual(err('odd: 5'));
  });

  it('valueOr and mapOk', () => {
    expect(valueOr(half(3), -1)).toBe(-1);
    expect(mapOk(half(4), String)).toEqual(ok('2'));
    expect(mapOk(half(5), String)).toEqual(err('odd: 5'));
  });
});
