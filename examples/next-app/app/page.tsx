import Link from 'next/link';
import { currentUser } from '@/lib/session';
import { signIn } from './actions';

export default async function Home() {
  const user = await currentUser();
  if (!user) {
    return (
      <form action={signIn}>
        <h1>Get paid with Dots</h1>
        <label>
          Your name <input name="name" autoComplete="name" required />
        </label>{' '}
        <button type="submit">Sign in</button>
      </form>
    );
  }
  return (
    <>
      <h1>Hello, {user.name}</h1>
      <p>
        <Link href={user.dotsUserId ? '/account' : '/onboarding'}>
          {user.dotsUserId ? 'Your payouts' : 'Set up payouts'}
        </Link>
      </p>
    </>
  );
}
