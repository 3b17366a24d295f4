/**
 * P1 lists (issue 16 item 3), part of `npm run bench`: the scoped lists at province scale against two baselines in the
 * same run — a bare route running `SELECT 1` on the same database, and an authenticated no-op route (the session
 * check only) — at 50 connections, 3 interleaved rounds, medians. Two databases side by side, filled by
 * `npm run seed:volume` as an operator would: a small one (1k applications) and a large one (BENCH_APPLICATIONS,
 * 50k by default), so "50k within 1.5× of 1k" is measured in one run. Embedded PGlite, or PostgreSQL when
 * BENCH_DATABASE_URL names a server (two databases are created there).
 *
 * Targets: no-op ≥ 50% of SELECT 1; every list at 50k ≥ 50% of the no-op (below 25% is not done), p99 < 50 ms;
 * 50k within 1.5× of 1k.
 */
import { engine, type Platform, platform } from "./lib/platform";
import { interleaved, load, percent, printTable, type Row, rate, type Throughput } from "./lib/rounds";

const connections = 50;
const large = Number(process.env.BENCH_APPLICATIONS ?? 50_000);
const sizes = {
  small: { bases: 200, applications: 1_000, experts: 100 },
  large: { bases: Math.round(large / 5), applications: large, experts: Math.round(large / 10) },
};

const lists = {
  "officer: 申报 list": { who: "officer", path: "/api/applications" },
  "recommender: 申报 list (武汉)": { who: "recommender", path: "/api/applications" },
  "applicant: own 申报": { who: "applicant", path: "/api/applications" },
  "officer: bases": { who: "officer", path: "/api/bases" },
  "officer: expert pool": { who: "officer", path: "/api/experts" },
  "public registry": { who: null, path: "/api/public/bases" },
  "public search 光谷": { who: null, path: `/api/public/bases?q=${encodeURIComponent("光谷")}` },
} as const;

// Every request as a browser sends it: lists answer compressed to a client that accepts it (http/cached-page.ts).
const browser = { "accept-encoding": "gzip, deflate, br" };

const small = await platform("small", sizes.small);
const big = await platform("large", sizes.large);
const listJob = (at: Platform, list: (typeof lists)[keyof typeof lists]) => () =>
  load(`${at.appUrl}${list.path}`, {
    connections,
    ...(list.who
      ? { headers: { ...browser, cookie: at.cookies[list.who] } }
      : { headers: browser, manyAddresses: true }),
  });

const jobs: Record<string, () => Promise<Throughput>> = {
  select1: () => load(big.select1Url, { connections }),
  noop: () =>
    load(`${big.appUrl}/api/bench/no-op`, { connections, headers: { ...browser, cookie: big.cookies.officer } }),
};
for (const [name, list] of Object.entries(lists)) {
  jobs[`${name}@small`] = listJob(small, list);
  jobs[`${name}@large`] = listJob(big, list);
}
// The same URL again and again is what the cache serves best (db/read-cache.ts): shown beside it, the officer paging
// through all of the list, each request another page, more pages than the cache keeps.
const pages = Math.ceil(large / 20);
jobs.paging = () =>
  load(`${big.appUrl}/api/applications`, {
    connections,
    headers: { ...browser, cookie: big.cookies.officer },
    pages,
  });
const results = await interleaved(jobs);
const failed = Object.entries(results).filter(([, r]) => r.non2xx > 0 || r.errors > 0);

const select1 = results.select1!;
const noop = results.noop!;
const rows: Row[] = [
  {
    id: "P1",
    what: "authenticated no-op (session check)",
    figure: rate(noop),
    baseline: `SELECT 1 ${rate(select1)}`,
    ratio: percent(noop.rps, select1.rps),
    target: "≥ 50% of SELECT 1",
    met: noop.rps >= 0.5 * select1.rps,
  },
];
for (const name of Object.keys(lists)) {
  const at50k = results[`${name}@large`]!;
  const at1k = results[`${name}@small`]!;
  rows.push({
    id: "P1",
    what: `${name} @${large / 1000}k`,
    figure: rate(at50k),
    baseline: `no-op ${noop.rps.toFixed(0)} req/s`,
    ratio: percent(at50k.rps, noop.rps),
    target: "≥ 50% of no-op, p99 < 50 ms",
    met: at50k.rps >= 0.5 * noop.rps && at50k.p99 < 50,
  });
  rows.push({
    id: "P1",
    what: `${name} @${large / 1000}k vs @1k`,
    figure: `${at50k.rps.toFixed(0)} req/s`,
    baseline: `@1k ${at1k.rps.toFixed(0)} req/s`,
    ratio: `${(at1k.rps / at50k.rps).toFixed(2)}×`,
    target: "within 1.5× of 1k",
    met: at1k.rps <= 1.5 * at50k.rps,
  });
}
// The no-op no longer touches the database (the session read is reused, db/read-cache.ts): shown beside it, every
// list against the other baseline, the route that does one database round trip.
const againstSelect1 = Object.keys(lists).map((name) => results[`${name}@large`]!.rps / select1.rps);
rows.push({
  id: "P1",
  what: `  every list @${large / 1000}k against SELECT 1`,
  figure: `${percent(Math.min(...againstSelect1), 1)} – ${percent(Math.max(...againstSelect1), 1)}`,
  baseline: `SELECT 1 ${select1.rps.toFixed(0)} req/s`,
  ratio: "—",
  target: "(shown)",
  met: null,
});
const paging = results.paging!;
rows.push({
  id: "P1",
  what: `  officer: 申报 list, every request another of ${pages} pages`,
  figure: rate(paging),
  baseline: `no-op ${noop.rps.toFixed(0)} req/s`,
  ratio: percent(paging.rps, noop.rps),
  target: "(no reuse; shown)",
  met: null,
});
printTable(
  `P1 lists — ${engine}, ${connections} connections, ${Number(process.env.BENCH_ROUNDS ?? 3)} interleaved rounds, medians, Node ${process.versions.node}`,
  rows,
);
if (failed.length) {
  console.log(`\nnon-2xx or errors (figures above are not valid for these): ${failed.map(([k]) => k).join(", ")}`);
}
await small.close();
await big.close();
