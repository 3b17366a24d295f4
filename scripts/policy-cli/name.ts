import { standardName } from "../../policy/names";
import type { BaseType } from "../../policy/reference/base-types";
import type { Region } from "../../policy/reference/regions";
import type { CommandOutcome } from "./check";

const types = ["joint-research", "technology-transfer", "characteristic"];
const regions = ["HK", "MO", "TW"];

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

/** `name --type … --field … [--key] [--region HK|MO|TW]`: the standard name (Art. 29–30) as the last line. */
export function runName(args: readonly string[]): CommandOutcome {
  const type = option(args, "--type");
  const field = option(args, "--field");
  const region = option(args, "--region");
  const usage =
    "usage: policy name --type joint-research|technology-transfer|characteristic --field <领域> [--key] [--region HK|MO|TW]\n";
  if (!type || !types.includes(type))
    return { stdout: "", stderr: `--type must be one of ${types.join(", ")}\n${usage}`, exitCode: 2 };
  if (field === undefined) return { stdout: "", stderr: `--field is required\n${usage}`, exitCode: 2 };
  if (region !== undefined && !regions.includes(region.toUpperCase())) {
    return { stdout: "", stderr: `--region must be one of ${regions.join(", ")}\n${usage}`, exitCode: 2 };
  }
  const result = standardName({
    type: type as BaseType,
    field,
    isKey: args.includes("--key"),
    ...(region ? { region: region.toUpperCase() as Region } : {}),
  });
  if (!result.ok) return { stdout: "", stderr: `${result.refusal.messageEn}\n`, exitCode: 2 };
  return { stdout: `${result.value}\n`, stderr: "", exitCode: 0 };
}
