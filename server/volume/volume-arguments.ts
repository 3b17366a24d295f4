import type { VolumeSizes } from "./generate-volume";

/** Province scale (issue 16): what the benchmarks are measured at when no size is given. */
export const provinceScale: VolumeSizes = { bases: 10_000, applications: 50_000, experts: 5_000 };

/** Beyond this a single run's transaction grows past what the embedded database handles comfortably. */
const maximum = 500_000;

export const volumeUsage =
  "用法 / usage: npm run seed:volume -- [--bases N] [--applications N] [--experts N]\n" +
  `  默认 / defaults: --bases ${provinceScale.bases} --applications ${provinceScale.applications} --experts ${provinceScale.experts}` +
  `（每项 0–${maximum} / each 0–${maximum}）`;

export type ParsedArguments =
  | { kind: "sizes"; sizes: VolumeSizes }
  | { kind: "help" }
  | { kind: "invalid"; messageZh: string; messageEn: string };

const flags = { "--bases": "bases", "--applications": "applications", "--experts": "experts" } as const;

/** `--bases 200` or `--bases=200`, each at most once; anything else is refused with both languages. */
export function parseVolumeArguments(argv: readonly string[]): ParsedArguments {
  const sizes: VolumeSizes = { ...provinceScale };
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === "--help" || argument === "-h") return { kind: "help" };
    const [flag, inline] = argument.split("=", 2) as [string, string | undefined];
    const key = flags[flag as keyof typeof flags];
    if (!key || seen.has(key)) {
      return {
        kind: "invalid",
        messageZh: key ? `参数 ${flag} 重复。` : `不认识的参数：${argument}`,
        messageEn: key ? `${flag} is given twice.` : `Unknown argument: ${argument}`,
      };
    }
    seen.add(key);
    if (inline === undefined) index += 1;
    const value = inline ?? argv[index];
    if (value === undefined || !/^\d+$/.test(value) || Number(value) > maximum) {
      return {
        kind: "invalid",
        messageZh: `${flag} 需要 0–${maximum} 之间的整数（收到 ${value ?? "空"}）。`,
        messageEn: `${flag} needs a whole number from 0 to ${maximum} (got ${value ?? "nothing"}).`,
      };
    }
    sizes[key] = Number(value);
  }
  return { kind: "sizes", sizes };
}
