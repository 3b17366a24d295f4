/**
 * P3 exports (issue 16 item 5), part of `npm run bench`: the streamed Excel exports of the lists at 10k rows and the
 * generated PDFs, each beside a baseline measured in the same run — ExcelJS's streaming writer alone writing the very
 * rows the export wrote (read back from the downloaded file), and a one-page pdfkit document. The server runs in this
 * process, so its RSS growth while a download streams is measured too. 3 interleaved rounds, medians.
 *
 * Targets: 10k-row xlsx within 2× of ExcelJS alone, RSS growth < 100 MB; any PDF < 300 ms.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { engine, platform } from "./lib/platform";
import { median, printTable, type Row, rounds } from "./lib/rounds";

const rowCount = Number(process.env.BENCH_EXPORT_ROWS ?? 10_000);
const at = await platform("exports", {
  bases: rowCount,
  applications: rowCount,
  experts: Math.round(rowCount / 10),
});

interface Download {
  ms: number;
  bytes: Buffer;
  rssGrowth: number;
}

/** One GET timed to its last byte, with the process's peak RSS above its level before the request. */
async function download(path: string, cookie?: string): Promise<Download> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const response = await fetch(`${at.appUrl}${path}`, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, bytes, rssGrowth: Math.max(0, peak - before) };
}

async function rowsOf(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** ExcelJS's streaming writer alone: the same rows into a stream that discards them. */
async function excelAlone(rows: unknown[][]): Promise<number> {
  const started = performance.now();
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("rows");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return performance.now() - started;
}

async function onePagePdf(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const document = new PDFDocument({ size: "A4" });
    document.on("data", () => {});
    document.on("end", () => resolve());
    document.fontSize(16).text("Hubei international S&T cooperation base", 72, 72);
    for (let line = 0; line < 30; line += 1) document.fontSize(11).text(`line ${line} of a one-page document`);
    document.end();
  });
  return performance.now() - started;
}

const officer = at.cookies.officer;
const firstId = async (path: string): Promise<string | null> => {
  const response = await fetch(`${at.appUrl}${path}`, { headers: { cookie: officer } });
  const body = (await response.json()) as { items?: Array<{ id: string }> } | Array<{ id: string }>;
  const items = Array.isArray(body) ? body : (body.items ?? []);
  return items[0]?.id ?? null;
};
const applicationId = await firstId("/api/applications?state=submitted");
const recognitionId = await firstId("/api/decisions/recognitions");
const reviewRounds = (await (await fetch(`${at.appUrl}/api/reviews`, { headers: { cookie: officer } })).json()) as {
  items?: Array<{ groupId?: string | null }>;
};
const groupId = (reviewRounds.items ?? []).find((round) => round.groupId)?.groupId ?? null;

const xlsxExports = {
  "申报 list export (officer)": { path: "/api/applications/export", cookie: officer },
  "public registry export": { path: "/api/public/bases/export", cookie: undefined },
} as const;
const pdfs: Record<string, string | null> = {
  "申报书 PDF": applicationId && `/api/applications/${applicationId}/application-form/pdf`,
  "recognition notice PDF": recognitionId && `/api/decisions/recognitions/${recognitionId}/notice/pdf`,
  "ranking PDF": groupId && `/api/reviews/ranking.pdf?groupId=${encodeURIComponent(groupId)}`,
};

const samples: Record<string, { ms: number[]; rss: number[]; baseline: number[]; rows: number }> = {};
const sample = (key: string) => {
  samples[key] ??= { ms: [], rss: [], baseline: [], rows: 0 };
  return samples[key];
};
for (let round = 0; round < rounds; round += 1) {
  for (const [name, target] of Object.entries(xlsxExports)) {
    const got = await download(target.path, target.cookie);
    const rows = await rowsOf(got.bytes);
    const entry = sample(name);
    entry.ms.push(got.ms);
    entry.rss.push(got.rssGrowth);
    entry.rows = rows.length - 1;
    entry.baseline.push(await excelAlone(rows));
  }
  for (const [name, path] of Object.entries(pdfs)) {
    if (!path) continue;
    const got = await download(path, officer);
    if (got.bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error(`${name}: not a PDF`);
    const entry = sample(name);
    entry.ms.push(got.ms);
    entry.baseline.push(await onePagePdf());
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rows: Row[] = [];
for (const name of Object.keys(xlsxExports)) {
  const entry = samples[name]!;
  const ms = median(entry.ms);
  const baseline = median(entry.baseline);
  const rss = Math.max(...entry.rss);
  rows.push({
    id: "P3",
    what: `${name}, ${entry.rows.toLocaleString("en")} rows`,
    figure: `${(ms / 1000).toFixed(2)} s, RSS +${mb(rss)}`,
    baseline: `ExcelJS alone ${(baseline / 1000).toFixed(2)} s`,
    ratio: `${(ms / baseline).toFixed(2)}×`,
    target: "≤ 2× ExcelJS, RSS < +100 MB",
    met: ms <= 2 * baseline && rss < 100 * 1024 * 1024,
  });
}
for (const [name, path] of Object.entries(pdfs)) {
  const entry = samples[name];
  if (!path || !entry) {
    rows.push({
      id: "P3",
      what: name,
      figure: "no such document",
      baseline: "—",
      ratio: "—",
      target: "< 300 ms",
      met: null,
    });
    continue;
  }
  const ms = median(entry.ms);
  const baseline = median(entry.baseline);
  rows.push({
    id: "P3",
    what: name,
    figure: `${ms.toFixed(0)} ms`,
    baseline: `one-page pdfkit ${baseline.toFixed(0)} ms`,
    ratio: `${(ms / baseline).toFixed(1)}×`,
    target: "< 300 ms",
    met: ms < 300,
  });
}
printTable(`P3 exports — ${engine}, ${rounds} interleaved rounds, medians, Node ${process.versions.node}`, rows);
await at.close();
