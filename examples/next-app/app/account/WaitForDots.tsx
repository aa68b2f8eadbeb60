'use client';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** Re-renders the Server Component page until Dots' webhook has linked the user. */
export function WaitForDots() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 500);
    return () => clearInterval(timer);
  }, [router]);
  return <p role="status">Waiting for Dots to confirm your account…</p>;
}
