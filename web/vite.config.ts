import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { dictionaryPerLanguage } from "./dictionary-plugin.ts";
import { precompress } from "./precompress.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("./dist", import.meta.url));
const api = process.env.API_URL ?? "http://localhost:3000";

/** The SPA lives in web/; the API server (server/) serves web/dist in production and is proxied in development. */
export default defineConfig({
  root,
  plugins: [react(), dictionaryPerLanguage(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph, read by the web payload benchmark (bench/web-payload.ts, P5).
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one long-cached chunk. antd stays split per page by the lazy routes.
        codeSplitting: {
          groups: [
            { name: "react-vendor", test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": api,
      "/healthz": api,
      "/readyz": api,
    },
  },
});
