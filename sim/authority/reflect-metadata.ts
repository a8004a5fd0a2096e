// @peculiar/x509 resolves its providers with tsyringe, which refuses to load without the
// `Reflect.getMetadata` family (normally the reflect-metadata package, not a dependency here).
// This is the small subset tsyringe calls; it must be evaluated before @peculiar/x509, so it
// lives in its own module that x509.ts imports first.
type MetadataTarget = object;

const store = new WeakMap<MetadataTarget, Map<string | symbol | undefined, Map<unknown, unknown>>>();

function table(target: MetadataTarget, property: string | symbol | undefined, create: boolean): Map<unknown, unknown> | undefined {
  let byProperty = store.get(target);
  if (byProperty === undefined) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let entries = byProperty.get(property);
  if (entries === undefined && create) {
    entries = new Map();
    byProperty.set(property, entries);
  }
  return entries;
}

interface ReflectMetadata {
  getMetadata?: unknown;
}

if (typeof (Reflect as ReflectMetadata).getMetadata !== 'function') {
  const getOwnMetadata = (key: unknown, target: MetadataTarget, property?: string | symbol): unknown => table(target, property, false)?.get(key);
  const getMetadata = (key: unknown, target: MetadataTarget, property?: string | symbol): unknown => {
    for (let t: MetadataTarget | null = target; t !== null; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
      const value = table(t, property, false);
      if (value?.has(key) === true) return value.get(key);
    }
    return undefined;
  };
  const defineMetadata = (key: unknown, value: unknown, target: MetadataTarget, property?: string | symbol): void => {
    table(target, property, true)?.set(key, value);
  };
  Object.assign(Reflect, { getOwnMetadata, getMetadata, defineMetadata });
}
