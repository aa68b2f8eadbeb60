'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE } from '@/lib/session';
import { endSession, signUp } from '@/lib/store';

export async function signIn(form: FormData): Promise<void> {
  const name = String(form.get('name') ?? '').trim() || 'Guest';
  // HttpOnly and SameSite=Lax: scripts never read it and other sites cannot post with it. Add `secure` behind HTTPS.
  (await cookies()).set(SESSION_COOKIE, signUp(name.slice(0, 80)), { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/onboarding');
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  endSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect('/');
}
