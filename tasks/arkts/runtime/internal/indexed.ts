// Index access (`list[i]`, `list[i] = v`) for containers whose declaration has
// an `[index: number]: T` signature, through a Proxy returned by the constructor.

export interface IndexedStore<T> {
  readAt(index: number): T;
  writeAt(index: number, value: T): void;
}

/** The integer an index-like property key names, or undefined for other keys. */
function indexKey(prop: string | symbol): number | undefined {
  if (typeof prop !== 'string' || prop.length === 0) {
    return undefined;
  }
  const first = prop.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 45)) {
    return undefined;
  }
  const index = Number(prop);
  return String(index) === prop ? index : undefined;
}

export function withIndexAccess<S extends IndexedStore<unknown>>(store: S): S {
  return new Proxy(store, {
    get(target: S, prop: string | symbol): unknown {
      const index = indexKey(prop);
      if (index === undefined) {
        return (target as unknown as Record<string | symbol, unknown>)[prop];
      }
      return target.readAt(index);
    },
    set(target: S, prop: string | symbol, value: unknown): boolean {
      const index = indexKey(prop);
      if (index === undefined) {
        (target as unknown as Record<string | symbol, unknown>)[prop] = value;
      } else {
        target.writeAt(index, value);
      }
      return true;
    },
    has(target: S, prop: string | symbol): boolean {
      const index = indexKey(prop);
      if (index === undefined) {
        return prop in target;
      }
      return Number.isInteger(index) && index >= 0 && index < (target as unknown as { length: number }).length;
    },
  });
}
