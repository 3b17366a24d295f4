/**
 * `npm run bench` (part): the policy assistant on the frozen evaluation set — top-1 and top-3 article accuracy,
 * invented article numbers, refusal precision and recall on the out-of-scope questions, computed answers, and the
 * latency of an answer against a baseline measured in the same run: a plain substring scan of the same passages
 * for the question's two-character pieces (what a search box without an index does). Then the same questions
 * through POST /api/assistant/ask on the embedded database, one at a time, for the answer's latency as a caller
 * sees it. `--verbose` lists every question that missed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPassages } from "../../assistant/ask";
import { faqSeed } from "../../assistant/faq-seed";
import { edition2025 } from "../../policy/measures/editions";
import { buildApp } from "../../server/app";
import { systemClock } from "../../server/clock";
import { loadConfig } from "../../server/config/config";
import { openEmbedded } from "../../server/db/client";
import { seedReferenceData } from "../../server/reference/seed-reference";
import { evaluate, evaluationDay, loadQuestions, percentile, productAssistant, targets } from "./evaluate";

const questions = loadQuestions();
const started = performance.now();
const assistant = productAssistant();
const buildMs = performance.now() - started;
const report = evaluate(assistant, questions);

// Baseline: the same passages, scanned with String.includes for every two-character piece of the question.
const passages = buildPassages(
  { edition: edition2025, interpretations: readFileSync("docs/interpretations.md", "utf8"), faq: faqSeed },
  evaluationDay,
);
const texts = passages.map((passage) => `${passage.title}\n${passage.textZh}\n${passage.textEn}`.toLowerCase());
const scan = (question: string) => {
  const text = question.toLowerCase();
  const pieces = new Set<string>();
  for (let index = 0; index + 2 <= text.length; index += 1) pieces.add(text.slice(index, index + 2));
  return texts
    .map((body, index) => ({ index, hits: [...pieces].filter((piece) => body.includes(piece)).length }))
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 3);
};
const scanMs = questions.map((question) => {
  const at = performance.now();
  scan(question.question);
  return performance.now() - at;
});
const scanP95 = percentile(scanMs, 0.95);

// The endpoint: a fresh embedded database with the reference data (and the seed FAQ), every question once.
const dataDir = mkdtempSync(join(tmpdir(), "guohe-bench-assistant-"));
const database = await openEmbedded(join(dataDir, "db"));
await database.migrate();
const config = {
  ...loadConfig({ DATA_DIR: dataDir, ASSISTANT_RATE_LIMIT: "100000", DEMO: "1" }),
  logLevel: "silent",
};
await seedReferenceData({ database, clock: systemClock, keys: config.keys });
const app = await buildApp({ config, database, clock: systemClock, logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/assistant/ask`;
const post = (question: string, lang: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question, lang }),
  });
await post("省国合基地怎么申报？", "zh");
const httpMs: number[] = [];
for (const question of questions) {
  const at = performance.now();
  const response = await post(question.question, question.lang);
  await response.json();
  httpMs.push(performance.now() - at);
  if (response.status !== 200) throw new Error(`${question.id}: HTTP ${response.status}`);
}
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
const httpP95 = percentile(httpMs, 0.95);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? "ok" : "BELOW TARGET");
const { refusal, computed } = report;
console.log(
  `\npolicy assistant (${questions.length} questions, ${report.inScope} in scope; index built in ${buildMs.toFixed(0)} ms)`,
);
console.log(`  top-1 article accuracy   ${percent(report.top1)}`);
console.log(
  `  top-3 article accuracy   ${percent(report.top3)}  (target ≥ ${percent(targets.top3)}) ${mark(report.top3 >= targets.top3)}`,
);
console.log(
  `  invented article numbers ${report.invented}  (target ${targets.invented}) ${mark(report.invented === 0)}`,
);
console.log(
  `  refusal precision        ${percent(refusal.precision)}  (${refusal.correct} of ${refusal.refused} refusals out of scope; target ≥ ${percent(targets.refusalPrecision)}) ${mark(refusal.precision >= targets.refusalPrecision)}`,
);
console.log(
  `  refusal recall           ${percent(refusal.recall)}  (${refusal.correct} of ${refusal.outOfScope} out-of-scope questions refused)`,
);
console.log(`  computed answers         ${computed.correct} of ${computed.total}`);
console.log(
  `  latency p50 / p95        ${report.p50Ms.toFixed(2)} / ${report.p95Ms.toFixed(2)} ms  (target p95 < ${targets.p95Ms} ms) ${mark(report.p95Ms < targets.p95Ms)}`,
);
console.log(
  `  baseline substring scan  p95 ${scanP95.toFixed(2)} ms over ${passages.length} passages; assistant ÷ scan ${(report.p95Ms / Math.max(scanP95, 0.001)).toFixed(2)}`,
);
console.log(
  `  POST /api/assistant/ask  p50 / p95 ${percentile(httpMs, 0.5).toFixed(2)} / ${httpP95.toFixed(2)} ms  (embedded database, one question at a time) ${mark(httpP95 < targets.p95Ms)}`,
);
if (process.argv.includes("--verbose")) {
  for (const score of report.scores) {
    const { question, result } = score;
    const outOfScope = question.kind === "out-of-scope";
    const wrong = outOfScope ? !result.refused : !score.top3 || score.computedOk === false;
    if (!wrong && score.invented.length === 0) continue;
    const cited = result.citations.map((c) => (c.item ? `${c.article}.${c.item}` : c.article)).join(",");
    console.log(
      `  ${question.id} ${question.kind} expected ${outOfScope ? "refusal" : question.expect.articles.join(",")} got ${result.refused ? `refusal (${result.refusal})` : cited}${score.invented.length ? ` invented ${score.invented.join(",")}` : ""}  ${question.question}`,
    );
  }
}
