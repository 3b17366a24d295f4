/**
 * `npm run bench` (part): the policy assistant on the frozen evaluation set — top-1 and top-3 article accuracy,
 * invented article numbers, refusal precision and recall on the out-of-scope questions, computed answers, and the
 * latency of an answer against a baseline measured in the same run: a plain substring scan of the same passages
 * for the question's two-character pieces (what a search box without an index does). `--verbose` lists every
 * question that missed.
 */
import { readFileSync } from "node:fs";
import { buildPassages } from "../../assistant/ask";
import { faqSeed } from "../../assistant/faq-seed";
import { edition2025 } from "../../policy/measures/editions";
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
