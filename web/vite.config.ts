import { defineConfig } from "vite";

// Built by Maven (web module) into the jar the server serves at "/". Nothing is fetched at run time.
export default defineConfig({
  base: "/",
  build: {
    outDir: "target/classes/org/skydas/web/public",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
