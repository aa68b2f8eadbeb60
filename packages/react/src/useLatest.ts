'use client';
import { useInsertionEffect, useRef } from 'react';

/**
 * A ref that always holds the latest value, so listeners see current props without re-subscribing.
 * An insertion effect runs before any other effect and, unlike a layout effect, never warns on the server.
 * Typed as its own shape: React 18's `RefObject` allows `null`, React 19's does not.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
