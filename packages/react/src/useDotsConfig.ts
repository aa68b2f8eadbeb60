'use client';
import { useContext } from 'react';
import { DotsFlowError } from '@dots-flow/core';
import { DotsContext, type DotsConfig } from './DotsProvider.js';

/** The nearest DotsProvider's configuration; throws a fix-it error outside one. */
export function useDotsConfig(): DotsConfig {
  const config = useContext(DotsContext);
  if (!config) {
    throw new DotsFlowError(
      'missing_provider',
      process.env.NODE_ENV !== 'production'
        ? 'No <DotsProvider> found. Wrap your flows in <DotsProvider flowEndpoint="/api/dots/flows" environment="sandbox">.'
        : '',
    );
  }
  return config;
}
