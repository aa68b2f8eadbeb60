// A Server Component: it reads the session and hands serialisable props to the client-side DotsProvider.
import type { ReactNode } from 'react';
import { DotsProvider } from '@dots-flow/react';
import { dotsEnvironment } from '@/lib/dots';
import { currentUser } from '@/lib/session';
import { signOut } from './actions';

// No favicon request to answer with a 404.
export const metadata = { title: 'dots-flow on Next.js', icons: { icon: 'data:,' } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
        {/* userKey: the provider outlives sign-outs (it sits in the root layout), so flows are cached per user. */}
        <DotsProvider flowEndpoint="/api/dots/flows" environment={dotsEnvironment()} userKey={user?.id ?? 'signed-out'}>
          {user ? (
            <form action={signOut} aria-label="Session">
              Signed in as {user.name} <button type="submit">Sign out</button>
            </form>
          ) : null}
          <main>{children}</main>
        </DotsProvider>
      </body>
    </html>
  );
}
