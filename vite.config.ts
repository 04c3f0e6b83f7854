import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts: the CSP allows script-src 'self' only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
});
