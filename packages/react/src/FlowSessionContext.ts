'use client';
import { createContext } from 'react';
import type { FlowSession } from '@dots-flow/core';

/** The nearest flow's session, provided by `DotsFlow` (or by you, around a `useDotsFlow` UI). */
export const FlowSessionContext = createContext<FlowSession | null>(null);
