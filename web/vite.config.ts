import { defineConfig } from 'vite';

// Built into the CMake build folder (KITH_WEB_OUT); kith serve reads it from there.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: process.env.KITH_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
