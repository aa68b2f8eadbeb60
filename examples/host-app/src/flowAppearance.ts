import { useSyncExternalStore } from 'react';
import { createAppearance } from '@dots-flow/react';

// The page's own palette (styles.css), handed to Dots' flow page so frame, wrapper and page are one surface.
// Created once, outside render: an appearance that stays the same object never restyles the frame.
const LIGHT = createAppearance({
  theme: 'light',
  variables: {
    backgroundColor: '#ffffff',
    primaryTextColor: '#1c1c28',
    secondaryTextColor: '#5b5b70',
    primaryColor: '#4f46e5',
    buttonBackgroundColor: '#4f46e5',
    buttonTextColor: '#ffffff',
    inputBorderColor: '#dcdce6',
    borderRadius: '12px',
  },
});
const DARK = createAppearance({
  theme: 'dark',
  variables: {
    backgroundColor: '#1f1f2a',
    primaryTextColor: '#ececf4',
    secondaryTextColor: '#a6a6bb',
    primaryColor: '#8b85ff',
    buttonBackgroundColor: '#8b85ff',
    buttonTextColor: '#111111',
    inputBackgroundColor: '#15151d',
    inputBorderColor: '#34344a',
    borderRadius: '12px',
  },
});

const query = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (onChange: () => void) => {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

/** The flow appearance matching the page's light or dark scheme, following the system setting live. */
export function useFlowAppearance() {
  return useSyncExternalStore(subscribe, () => (query().matches ? DARK : LIGHT));
}
