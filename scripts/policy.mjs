#!/usr/bin/env node
// `npm run policy`: the policy CLI as plain JavaScript (scripts/policy-cli.ts bundled, rebuilt when stale), so a
// `check` starts in node's time rather than tsx's. `tsx scripts/policy-cli.ts` runs the same code from source.
import { pathToFileURL } from "node:url";
import { freshPolicyBundle } from "./policy-cli-bundle.mjs";

let bundle;
try {
  bundle = await freshPolicyBundle();
} catch (error) {
  // Exit 1 would read as "a rule fails": a CLI that cannot be built checks nothing, so 2.
  process.stderr.write(`无法构建 cannot build the policy CLI: ${error.message}\n`);
  process.exit(2);
}
// The bundle reads process.argv.slice(2) and sets the exit code itself.
await import(pathToFileURL(bundle).href);
