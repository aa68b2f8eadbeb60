'use client';
import { useLayoutEffect, useRef, type RefObject } from 'react';

// useLayoutEffect warns during server rendering; effects never run there anyway.
export const useIsomorphicLayoutEffect = typeof document === 'undefined' ? () => {} : useLayoutEffect;

/** A ref that always holds the latest value, so listeners see current props without re-subscribing. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
