import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** The signed-in user's balance and history, as the backend reads them from Dots. */
export function useWallet(enabled = true) {
  return useQuery({ queryKey: ['wallet'], queryFn: api.wallet, enabled });
}

/** The gigs and which of them are paid, from Dots' transfers. */
export function useGigs(enabled = true) {
  return useQuery({ queryKey: ['gigs'], queryFn: api.gigs, enabled });
}
