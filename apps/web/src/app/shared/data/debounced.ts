import { effect, signal, untracked, type Signal } from '@angular/core';

/**
 * A signal that follows `source` once it has stopped changing for `ms` milliseconds.
 * Starts with the source's current value. Call in an injection context (it uses an effect).
 */
export function debounced<T>(source: Signal<T>, ms: number): Signal<T> {
  const settled = signal(untracked(source));
  effect((onCleanup) => {
    const value = source();
    const timer = setTimeout(() => settled.set(value), ms);
    onCleanup(() => clearTimeout(timer));
  });
  return settled.asReadonly();
}
