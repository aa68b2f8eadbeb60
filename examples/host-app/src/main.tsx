import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.js';
import { App } from './App.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

// The backend says which Dots flow-page origins to trust (the local sandbox's, by default).
api.config().then(
  ({ frameOrigins }) =>
    root.render(
      <StrictMode>
        <App frameOrigins={frameOrigins} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <p role="alert">
        Could not load the configuration from /api/config ({String(error)}). Is the backend running? Start the example
        with <code>pnpm dev</code>.
      </p>,
    ),
);
