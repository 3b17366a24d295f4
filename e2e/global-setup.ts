import type { TestProject } from "vitest/node";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts the real server on the real clock for the whole e2e run, and stops it when the run ends. Builds nothing:
 * scripts/e2e.mjs builds the web app first.
 */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  return server.stop;
}
