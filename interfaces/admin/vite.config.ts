import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vitest/config";

// The bundle is written into the Python package that serves it, so an
// installed Rapport carries it and `make serve` needs no Node.
export default defineConfig({
  base: "/admin/",
  plugins: [vue()],
  build: {
    outDir: process.env.ADMIN_OUT_DIR ?? "../http/admin/dist",
    emptyOutDir: true,
    // One file per kind is easier to check against its sources than many chunks.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev` talks to a `rapport serve` on the default port.
    proxy: { "/graphql": { target: "http://127.0.0.1:8000", ws: true } },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
});
