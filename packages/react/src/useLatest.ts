'use client';
import { useInsertionEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest value, so listeners see current props without re-subscribing.
 * An insertion effect runs before any other effect and, unlike a layout effect, never warns on the server.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
