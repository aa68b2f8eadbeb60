import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Found up front, so the first page load never triggers a dependency re-optimisation and reload.
  optimizeDeps: {
    include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', '@tanstack/react-query'],
  },
  build: { outDir: 'dist/app', emptyOutDir: true },
});
