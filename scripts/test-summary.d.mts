// Types for scripts/test-summary.mjs (plain JavaScript, imported by its test).
export declare function countRun(
  name: string,
  report: unknown,
  exitStatus?: number | null,
): { passed: number; failed: number; note?: string };
