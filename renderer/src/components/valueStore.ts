// One value shared by components that are not parent and child, without re-rendering what lies
// between them: a search box writes the text, the list and its count line read it, and the page
// around them (filters, header, buttons) does not render on a keystroke. Readers re-render when the
// value changes (useSyncExternalStore); a slow reader takes useDeferredValue of it.
import { useSyncExternalStore } from 'react';

export interface ValueStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's value, re-rendering the caller when it changes. */
export function useStoreValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
