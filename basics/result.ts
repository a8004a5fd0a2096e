// Expected failures are values: a card pulled out or paper running out is not an exception.
// A Result is plain data (it crosses the WebSocket and the journal as JSON), so it has no methods;
// `resultBlock` gives the early return on the first failure without `if (!x.ok) return x` on
// every line (the idea of vxsuite's libs/basics `resultBlock`).
export type Result<T, E> = Ok<T> | Err<E>;
export interface Ok<T> {
  ok: true;
  value: T;
}
export interface Err<E> {
  ok: false;
  error: E;
}

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<undefined>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** The value of a success, or `fallback` for a failure. */
export function valueOr<T, E, F>(result: Result<T, E>, fallback: F): T | F {
  return result.ok ? result.value : fallback;
}

/** A success's value transformed; a failure passed through as it is. */
export function mapOk<T, U, E>(result: Result<T, E>, transform: (value: T) => U): Result<U, E> {
  return result.ok ? ok(transform(result.value)) : result;
}

/** Thrown by a block's `take` on a failure; caught by the block that made it, never seen outside. */
class BlockFailure<E> extends Error {
  readonly block: object;
  readonly error: E;
  constructor(block: object, error: E) {
    super('a failure taken in a resultBlock');
    this.block = block;
    this.error = error;
  }
}

/** Unwraps a Result inside a block: the value, or the block ends with the failure. */
export type Take<E> = <T>(result: Result<T, E>) => T;

/**
 * Runs `body` with a `take` that unwraps each Result: the first failure ends the block and is its
 * result; otherwise the block's result is `ok(body's return value)`. Exceptions other than a
 * failure taken in this block pass through (an exception is a bug, not an expected failure).
 */
export function resultBlock<T, E>(body: (take: Take<E>) => T): Result<T, E> {
  const block = {};
  const take: Take<E> = (result) => {
    if (result.ok) return result.value;
    throw new BlockFailure(block, result.error);
  };
  try {
    return ok(body(take));
  } catch (thrown) {
    if (thrown instanceof BlockFailure && thrown.block === block) return err(thrown.error as E);
    throw thrown;
  }
}

/** `resultBlock` for asynchronous work: `take` the awaited Results. */
export async function asyncResultBlock<T, E>(body: (take: Take<E>) => Promise<T>): Promise<Result<T, E>> {
  const block = {};
  const take: Take<E> = (result) => {
    if (result.ok) return result.value;
    throw new BlockFailure(block, result.error);
  };
  try {
    return ok(await body(take));
  } catch (thrown) {
    if (thrown instanceof BlockFailure && thrown.block === block) return err(thrown.error as E);
    throw thrown;
  }
}

/** A Result whose value is itself a Result, as one: the outer failure, the inner one, or the value. */
export function flattenResult<T, E1, E2>(result: Result<Result<T, E2>, E1>): Result<T, E1 | E2> {
  return result.ok ? result.value : result;
}
