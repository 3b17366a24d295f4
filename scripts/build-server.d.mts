// Types for scripts/build-server.mjs (plain JavaScript, run by scripts/start.mjs and imported by its test).
export declare const repositoryRoot: string;
export declare const serverBuildDir: string;
export declare function serverBuildFiles(outDir?: string): { bundle: string; metafile: string };
export declare function serverLaunch(environment?: Record<string, string>): {
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
};
export declare function serverBuildStaleness(outDir?: string): string | null;
export declare function buildServer(options?: { outDir?: string; entry?: string }): Promise<{
  bundle: string;
  inputs: string[];
}>;
