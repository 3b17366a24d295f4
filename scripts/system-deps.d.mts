// Types for scripts/system-deps.mjs (plain JavaScript, imported by its test).
export interface SystemPackage {
  name: string;
  zh: string;
  en: string;
}
export declare const systemPackages: SystemPackage[];
export type SystemInstallPlan =
  | { action: "none" }
  | { action: "install"; packages: string[]; command: string }
  | { action: "instruct"; packages: string[]; command: string; message: string };
export declare function planSystemInstall(input: {
  missing: string[];
  isRoot: boolean;
  hasAptGet: boolean;
  osRelease?: string | Record<string, string>;
  skip?: boolean;
  platform?: string;
}): SystemInstallPlan;
export declare function parseOsRelease(text: string): Record<string, string>;
export declare function detectMissing(env?: NodeJS.ProcessEnv): string[];
export declare function ensureSystemDeps(env?: NodeJS.ProcessEnv): boolean;
