/**
 * P5 web payload (issue 16 item 7), part of `npm run bench`: the JavaScript a first visit downloads, per page,
 * brotli-compressed as served, from the chunk graph in web/dist/.vite/manifest.json — the entry and its static
 * imports, the shell for signed-in pages, the page, and the larger of the two languages' dictionaries
 * (web/dictionary-plugin.ts), which the shell loads beside itself. Baseline in the same build: the React vendor
 * chunk alone (the floor of any page of a React app). Then the built server is asked for the login page's assets:
 * each must come brotli-encoded, hashed assets with immutable caching. e2e/first-load.spec.ts measures the login and
 * 工作台 budgets in Chromium as a test.
 *
 * Targets: login ≤ 150 KB, every first route ≤ 300 KB; assets precompressed and immutable.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { buildApp } from "../server/app";
import { systemClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { openEmbedded } from "../server/db/client";
import { printTable, type Row } from "./lib/rounds";

const root = join(import.meta.dirname, "..");
const dist = join(root, "web", "dist");
execFileSync(
  process.execPath,
  ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
  {
    cwd: root,
    stdio: "inherit",
  },
);

interface Chunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}
const manifest: Record<string, Chunk> = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const shell = [
  "src/components/AppShell.tsx",
  "src/components/RequireAuth.tsx",
  "src/components/layout/AppLayout.tsx",
  "src/components/RequireSection.tsx",
];
const publicPages = /scenes\/(Login|Register|Verify|Public[A-Za-z]*)\//;

const sizes = new Map<string, number>();
const compressed = (key: string) => {
  if (!sizes.has(key)) sizes.set(key, brotliCompressSync(readFileSync(join(dist, manifest[key]!.file))).length);
  return sizes.get(key)!;
};
const closure = (key: string, seen: Set<string>): Set<string> => {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) closure(next, seen);
  return seen;
};

const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const dictionaries = Object.keys(manifest).filter((key) => key.includes("virtual:dictionary/"));
if (dictionaries.length !== 2) throw new Error(`expected the zh and en dictionaries, found ${dictionaries}`);
const dictionary = dictionaries.reduce((a, b) => (compressed(a) >= compressed(b) ? a : b));
const pages = Object.keys(manifest)
  .filter((key) => /^src\/scenes\/.*Page\.tsx$/.test(key))
  .map((page) => {
    const keys = closure(entry, new Set());
    // Every page but the sign-in page renders inside the antd shell; signed-in pages inside the guard and layout too.
    if (!page.includes("/Login/")) {
      for (const key of publicPages.test(page) ? shell.slice(0, 1) : shell) closure(key, keys);
      closure(dictionary, keys);
    }
    closure(page, keys);
    return { page: page.replace("src/scenes/", ""), bytes: [...keys].reduce((sum, key) => sum + compressed(key), 0) };
  })
  .sort((a, b) => b.bytes - a.bytes);
const vendorKey = Object.keys(manifest).find((key) => manifest[key]!.name === "react-vendor");
if (!vendorKey) throw new Error("no react-vendor chunk in the manifest (web/vite.config.ts)");
const vendor = compressed(vendorKey);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const find = (pattern: RegExp) => {
  const found = pages.find((p) => pattern.test(p.page));
  if (!found) throw new Error(`no page matches ${pattern}`);
  return found;
};
const login = find(/^Login\//);
const home = find(/^Home\//);
const heaviest = pages[0]!;
const over = pages.filter((p) => p.bytes > 300 * 1024);

// As served: the built server on a fresh embedded database, asked for the login page and its scripts with brotli.
const dataDir = mkdtempSync(join(tmpdir(), "guohe-bench-web-"));
const config = { ...loadConfig({ DATA_DIR: dataDir }), logLevel: "silent" as const };
const database = await openEmbedded(dataDir);
await database.migrate();
const app = await buildApp({
  config,
  database,
  clock: systemClock,
  logger: false,
});
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const html = await (await fetch(`${base}/login`)).text();
const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
let served = 0;
const wrong: string[] = [];
for (const path of scripts) {
  const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "br, gzip" } });
  await response.arrayBuffer();
  served += 1;
  const encoded = response.headers.get("content-encoding") === "br";
  const immutable = /immutable/.test(response.headers.get("cache-control") ?? "");
  if (!encoded || !immutable)
    wrong.push(`${path} (${response.headers.get("content-encoding")}, ${response.headers.get("cache-control")})`);
}
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });

const row = (what: string, bytes: number, budget: number): Row => ({
  id: "P5",
  what,
  figure: `${kb(bytes)} brotli`,
  baseline: `React vendor chunk ${kb(vendor)}`,
  ratio: `${(bytes / vendor).toFixed(1)}×`,
  target: `≤ ${budget} KB`,
  met: bytes <= budget * 1024,
});
printTable(`P5 web payload — JavaScript of a first visit per page, brotli; ${pages.length} pages`, [
  row("login page", login.bytes, 150),
  row("工作台 (Home), first route after signing in", home.bytes, 300),
  row(`heaviest first route (${heaviest.page})`, heaviest.bytes, 300),
  {
    id: "P5",
    what: "pages over 300 KB as a first route",
    figure: `${over.length} of ${pages.length}`,
    baseline: "—",
    ratio: "—",
    target: "0",
    met: over.length === 0,
  },
  {
    id: "P5",
    what: "login page scripts served brotli + immutable",
    figure: `${served - wrong.length} of ${served}`,
    baseline: "—",
    ratio: "—",
    target: `all (${served})`,
    met: served > 0 && wrong.length === 0,
  },
]);
if (wrong.length) console.log(`served without brotli or immutable caching: ${wrong.join(", ")}`);
if (over.length) console.log(`over 300 KB: ${over.map((p) => `${p.page} ${kb(p.bytes)}`).join(", ")}`);
