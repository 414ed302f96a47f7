import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { ocrAssets } from './scripts/vite-ocr-assets.js';
import { pdfjsAssets } from './scripts/vite-pdfjs-assets.js';

// BUILD_ID lets the browser tests produce a second, different build to exercise the update prompt.
const buildId = process.env.BUDGET_LENS_BUILD_ID ?? pkg.version;

export default defineConfig({
  // Relative base: dist/ works from any folder of any static host, service worker scope included.
  base: './',
  define: {
    __BUILD_ID__: JSON.stringify(buildId),
  },
  worker: { format: 'es' },
  build: {
    outDir: process.env.BUDGET_LENS_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  plugins: [
    svelte(),
    pdfjsAssets(),
    ocrAssets(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '预算透镜 Budget Lens',
        short_name: '预算透镜',
        description: '读取、核对、比较政府部门预算决算公开文件',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#9b1c1c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The wasm and the bundled datasets are part of the offline app, not optional extras.
        // pdf.js's cMaps and standard fonts (bcmap, pfb, ttf) too: PDFs are read offline.
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest,csv,json,txt,bcmap,pfb,ttf}'],
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
        // The archive's engine (its worker: hyparquet and the view queries) is not precached: the
        // archive views need the network anyway, and say so; the small view chunk is, to say it offline.
        // An archive published inside the site (public/…) is not precached either: its archive.json
        // must be the one beside its Parquet files, fetched fresh.
        // OCR's engine and models (assets/ocr/, 4–8 MB) are kept the first time a scan is read, not
        // precached on every first visit: few users bring scans (scripts/vite-ocr-assets.ts).
        globIgnores: ['**/archiveWorker-*.js', '**/archive.json', '**/assets/ocr/**'],
        runtimeCaching: [{ urlPattern: /\/assets\/ocr\//, handler: 'CacheFirst', options: { cacheName: 'budget-lens-ocr' } }],
        cleanupOutdatedCaches: true,
        // Take control of the first visit at once so it is offline-ready without a reload; updates
        // still wait for the user's 「点击更新」 (no skipWaiting).
        clientsClaim: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/requireShared.ts'],
          // A limit for a hang, never a speed goal: a busy 2-core CI machine runs the corpus tests
          // several times slower than a quiet one (vitest's 5 s default failed there).
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/requireShared.ts'],
          // One Chromium at a time: a 2-core CI machine runs them faster in sequence than in contention.
          fileParallelism: false,
          // Generous: a 2-core CI machine installs a 6 MB precache (pdf.js and its cMaps) per fresh profile.
          testTimeout: 150_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
