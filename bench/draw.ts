/**
 * P6 expert draw, part of `npm run bench`: the pure draw (policy/review/draw.ts) of panels for 1,000
 * applications from a pool of 5,000 experts with every exclusion rule on, persistence excluded. Baseline measured
 * in the same run: a plain seeded Fisher–Yates shuffle of 5,000 ids, 1,000 times. Target: under 1 s.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { fields2025 } from "../policy/reference/fields-2025";
import { type DrawCandidate, type DrawTargetFacts, runDraw } from "../policy/review/draw";
import { sampleRules } from "../policy/review/draw.fixtures";
import { printTable } from "./lib/rounds";

const poolSize = Number(process.env.BENCH_POOL ?? 5000);
const targetCount = Number(process.env.BENCH_TARGETS ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const fields = fields2025.map((f) => f.nameZh);
const titles = ["senior", "senior", "associate-senior", "intermediate"];
const unitCount = 800;
const pad = (n: number) => String(n).padStart(5, "0");

// A deterministic synthetic pool and set of targets (a fixed seed, so every run measures the same work).
const rng = xoroshiro128plus(2025);
const pick = <T>(list: readonly T[]) => list[uniformInt(rng, 0, list.length - 1)]!;
const candidates: DrawCandidate[] = Array.from({ length: poolSize }, (_, i) => {
  const unit = uniformInt(rng, 0, unitCount - 1);
  const first = pick(fields);
  return {
    expertId: `expert-${pad(i)}`,
    personId: `person-${pad(i)}`,
    name: `专家${i}`,
    unitId: i % 10 === 0 ? null : `unit-${unit}`,
    unitName: `第${unit}单位`,
    fields: uniformInt(rng, 0, 2) === 0 ? [first, pick(fields)] : [first],
    title: pick(titles),
    status: uniformInt(rng, 0, 19) === 0 ? "suspended" : "active",
    drawsThisYear: uniformInt(rng, 0, 6),
  };
});
const targets: DrawTargetFacts[] = Array.from({ length: targetCount }, (_, i) => {
  const unit = uniformInt(rng, 0, unitCount - 1);
  return {
    kind: "application",
    id: `app-${i}`,
    title: `申报${i}`,
    field: pick(fields),
    unitId: `unit-${unit}`,
    unitName: `第${unit}单位`,
    directorPersonId: `person-${pad(uniformInt(rng, 0, poolSize - 1))}`,
    directorUnitId: `unit-${uniformInt(rng, 0, unitCount - 1)}`,
    declaredAvoidances: [
      { expertId: `expert-${pad(uniformInt(rng, 0, poolSize - 1))}`, reason: "竞争关系" },
      { unitName: `第${uniformInt(rng, 0, unitCount - 1)}单位`, reason: "同一集团" },
    ],
    declaredCollaborations: [
      { personId: `person-${pad(uniformInt(rng, 0, poolSize - 1))}`, year: 2024 },
      { personId: `person-${pad(uniformInt(rng, 0, poolSize - 1))}`, year: 2020 },
    ],
  };
});
const pinned = Array.from({ length: 20 }, (_, i) => ({ expertId: `expert-${pad(i * 97)}`, reason: "处室指定" }));

function drawAll(): { drawn: number; refused: number; exclusions: number } {
  let drawn = 0;
  let refused = 0;
  let exclusions = 0;
  targets.forEach((target, i) => {
    const outcome = runDraw({
      seed: (i * 2654435761) >>> 0,
      rules: sampleRules({
        fields: [target.field],
        allowedTitles: ["senior", "associate-senior"],
        referenceYear: 2026,
        pinnedExclusions: pinned,
      }),
      target,
      candidates,
    });
    if (outcome.status === "drawn") drawn += 1;
    else refused += 1;
    exclusions += outcome.exclusions.length;
  });
  return { drawn, refused, exclusions };
}

function shuffleAll(): number {
  const ids = candidates.map((c) => c.expertId);
  let checksum = 0;
  for (let t = 0; t < targetCount; t++) {
    const order = [...ids];
    const generator = xoroshiro128plus(t);
    for (let i = order.length - 1; i > 0; i--) {
      const j = uniformInt(generator, 0, i);
      const held = order[i]!;
      order[i] = order[j]!;
      order[j] = held;
    }
    checksum += order[0]!.length;
  }
  return checksum;
}

function best(work: () => unknown): number {
  work(); // warm-up
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const summary = drawAll();
const drawMs = best(drawAll);
const baselineMs = best(shuffleAll);
printTable(`P6 expert draw — pure draw, best of ${rounds} after a warm-up, Node ${process.versions.node}`, [
  {
    id: "P6",
    what: `${targetCount.toLocaleString("en")} panels from ${poolSize.toLocaleString("en")} experts, every exclusion rule`,
    figure: `${drawMs.toFixed(0)} ms (${summary.drawn} drawn, ${summary.refused} refused)`,
    baseline: `Fisher–Yates ×${targetCount} ${baselineMs.toFixed(0)} ms`,
    ratio: `${(drawMs / baselineMs).toFixed(2)}×`,
    target: "< 1000 ms",
    met: drawMs < 1000,
  },
]);
