import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** The signed-in host user (or `null`), shared by every page through the query cache. */
export function useMe(options: { refetchInterval?: number | false } = {}) {
  return useQuery({ queryKey: ['me'], queryFn: api.me, ...options });
}
