// The import each SDK's own docs show for its embedded flow, bundled with the same settings as dots-flow.

export interface SdkEntry {
  name: string;
  /** Packages whose versions the report prints. */
  packages: readonly string[];
  /** What the app imports. */
  imports: string;
  /** The bundle entry: exactly that import, re-exported so nothing is tree-shaken away. */
  source: string;
  /** This SDK loads more JavaScript from its own servers at runtime, which no bundle measurement sees. */
  loadsRemoteScript: boolean;
}

export const DOTS_ENTRY: SdkEntry = {
  name: 'dots-flow',
  packages: ['@dots-flow/react', '@dots-flow/core'],
  imports: '`DotsProvider`, `DotsFlow`',
  source: "export { DotsProvider, DotsFlow } from '@dots-flow/react';",
  loadsRemoteScript: false,
};

export const PEER_ENTRIES: readonly SdkEntry[] = [
  {
    name: 'Plaid Link',
    packages: ['react-plaid-link'],
    imports: '`usePlaidLink`',
    source: "export { usePlaidLink } from 'react-plaid-link';",
    loadsRemoteScript: true,
  },
  {
    name: 'Stripe Connect embedded components',
    packages: ['@stripe/react-connect-js', '@stripe/connect-js'],
    imports: '`ConnectComponentsProvider`, `ConnectPayouts`, `loadConnectAndInitialize`',
    source:
      "export { ConnectComponentsProvider, ConnectPayouts } from '@stripe/react-connect-js';\n" +
      "export { loadConnectAndInitialize } from '@stripe/connect-js';",
    loadsRemoteScript: true,
  },
  {
    name: 'Finch Connect',
    packages: ['@tryfinch/react-connect'],
    imports: '`useFinchConnect`',
    source: "export { useFinchConnect } from '@tryfinch/react-connect';",
    // It frames connect.tryfinch.com directly, like dots-flow frames the Dots flow page.
    loadsRemoteScript: false,
  },
  {
    name: 'Merge Link',
    packages: ['@mergeapi/react-merge-link'],
    imports: '`useMergeLink`',
    source: "export { useMergeLink } from '@mergeapi/react-merge-link';",
    loadsRemoteScript: true,
  },
];
