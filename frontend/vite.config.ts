/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Go server owns /graphql (HTTP and the graphql-transport-ws WebSocket);
// in development Vite forwards both so cookies and CSRF behave as in production.
const api = process.env.SWITCHBOARD_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: false, ws: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's Monaco chunks are large by nature and live only on /playground.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        playground: resolve(import.meta.dirname, 'playground.html'),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // jsdom component tests are slow on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
