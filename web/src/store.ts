import { useEffect, useState } from 'preact/hooks';

/** A value shared by components: set() replaces it and re-renders those using it. */
export class Store<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(next: T | ((previous: T) => T)): void {
    this.value = typeof next === 'function' ? (next as (previous: T) => T)(this.value) : next;
    this.listeners.forEach((listener) => listener(this.value));
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(setValue);
  }, [store]);
  return value;
}
