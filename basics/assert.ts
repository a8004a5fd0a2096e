// Exhaustiveness at run time too: lint's switch-exhaustiveness-check catches a missing case at
// build time; a value that arrives anyway (an old journal row, a peer of another version) is a bug
// with its value named, not a silent fall-through.

/** Marks a branch the types say cannot be reached; throws naming the value that reached it. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
