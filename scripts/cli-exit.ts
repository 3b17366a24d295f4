/**
 * How the operator's scripts end (backup, restore, seed:volume): `main`'s exit code, or 2 with the message alone for
 * a refusal the script expects (its own error class, a configuration error), the stack for anything else.
 */
export async function runCli(
  main: () => Promise<number>,
  expected: ReadonlyArray<abstract new (...args: never[]) => Error>,
) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(expected.some((kind) => error instanceof kind) ? (error as Error).message : error);
    process.exitCode = 2;
  }
}
