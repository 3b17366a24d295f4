import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseJsonText } from "../../policy/eligibility/json-text";

/** Where a case came from, as stderr and the text output name it: `a.json`, `a.json [2]`, `standard input line 5`. */
export interface CaseOrigin {
  source: string;
  /** Position in a JSON array (its field errors read `[2].unit.uscc`). */
  index?: number;
  /** 1-based line of an NDJSON input. */
  line?: number;
}

export type CheckInput =
  | { kind: "case"; origin: CaseOrigin; raw: unknown }
  | { kind: "problem"; origin: CaseOrigin; messageZh: string; messageEn: string };

export interface CheckInputs {
  items: CheckInput[];
  /** One named file (or `-`) holding one object: the JSON output is that result, not an array of one. */
  single: boolean;
  /** More than one file was read (several arguments or a directory): the text output names each case's file. */
  severalFiles: boolean;
}

const stdinName = "standard input";

const problem = (origin: CaseOrigin, messageZh: string, messageEn: string): CheckInput => ({
  kind: "problem",
  origin,
  messageZh,
  messageEn,
});

const emptyBatch = (origin: CaseOrigin) =>
  problem(origin, "空的案例数组：请至少提交 1 个案例。", "empty batch: the array holds no case; send at least one.");

function readText(path: string, source: string): { ok: true; text: string } | { ok: false; item: CheckInput } {
  try {
    return { ok: true, text: readFileSync(path === "-" ? 0 : path, "utf8") };
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, item: problem({ source }, `无法读取：${message}`, `cannot read: ${message}`) };
  }
}

/** A JSON document: one case, or an array of cases (as the API's batch: an empty one is refused). */
function jsonCases(text: string, source: string): CheckInput[] {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return [problem({ source }, parsed.messageZh, parsed.messageEn)];
  if (!Array.isArray(parsed.value)) return [{ kind: "case", origin: { source }, raw: parsed.value }];
  if (parsed.value.length === 0) return [emptyBatch({ source })];
  return parsed.value.map((raw, index) => ({ kind: "case", origin: { source, index }, raw }));
}

/** NDJSON: one case per non-blank line; a line's syntax error names its column (the line is in the origin). */
function ndjsonCases(text: string, source: string): CheckInput[] {
  const items: CheckInput[] = [];
  text.split("\n").forEach((content, offset) => {
    if (content.trim() === "") return;
    const origin = { source, line: offset + 1 };
    const parsed = parseJsonText(content);
    if (parsed.ok) items.push({ kind: "case", origin, raw: parsed.value });
    else
      items.push(
        problem(
          origin,
          parsed.messageZh.replace(/第 1 行第 (\d+) 列/, "第 $1 列"),
          parsed.messageEn.replace(/line 1, column (\d+)/, "column $1"),
        ),
      );
  });
  return items.length > 0 ? items : [emptyBatch({ source })];
}

/** Every `*.json` file of a directory (not its subdirectories), in name order. */
function directoryFiles(path: string): string[] {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(path, name));
}

/**
 * The cases of the command line's inputs, in order: each file (`-` is standard input) as JSON — one case or an
 * array — or, with `ndjson`, one case per line; a directory gives each of its `*.json` files as JSON. An input that
 * cannot be read or parsed becomes a problem in its place, so the others are still checked.
 */
export function readCheckInputs(paths: readonly string[], options: { ndjson: boolean }): CheckInputs {
  const items: CheckInput[] = [];
  let anyDirectory = false;
  for (const path of paths) {
    const source = path === "-" ? stdinName : path;
    let files = [path];
    if (path !== "-" && statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      anyDirectory = true;
      files = directoryFiles(path);
      if (files.length === 0) {
        items.push(problem({ source }, "目录中没有 *.json 文件。", "the directory holds no *.json file."));
        continue;
      }
    }
    for (const file of files) {
      const fileSource = file === "-" ? stdinName : file;
      const read = readText(file, fileSource);
      if (!read.ok) items.push(read.item);
      else if (options.ndjson && file === path) items.push(...ndjsonCases(read.text, fileSource));
      else items.push(...jsonCases(read.text, fileSource));
    }
  }
  const only = items[0];
  const single =
    paths.length === 1 && !anyDirectory && !options.ndjson && items.length === 1 && only?.origin.index === undefined;
  return { items, single, severalFiles: paths.length > 1 || anyDirectory };
}
