import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const API = process.env.ROUNDS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // Installable, with an offline shell; src/sw.ts precaches the build and handles Web Push.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Rounds',
        short_name: 'Rounds',
        description: 'Compliant social media publishing for hospitals',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b6e74',
        background_color: '#f8f9fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    // The role table is shared with the API, not copied (libs/domain/src/identity/permission.ts).
    alias: [{ find: /^@rounds\/domain\/(.*)$/, replacement: here('../../libs/domain/src/$1') }],
  },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: { '/api': API, '/health': API } },
});
