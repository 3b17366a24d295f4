import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DrawCandidate, type DrawOutcome, normalizeUnitName, runDraw, seededSample } from "./draw";
import { candidate, drawInput, pool, sampleRules, sampleTarget } from "./draw.fixtures";

const drawn = (outcome: DrawOutcome) => {
  if (outcome.status !== "drawn") throw new Error(`refused: ${outcome.refusal.messageEn}`);
  return outcome;
};
const excludedBy = (outcome: DrawOutcome, rule: string) =>
  outcome.exclusions.filter((e) => e.rule === rule).map((e) => e.expertId);

describe("runDraw: determinism and shape", () => {
  it("draws an odd panel plus backups, all distinct, from the eligible experts", () => {
    const outcome = drawn(runDraw(drawInput()));
    expect(outcome.panel).toHaveLength(5);
    expect(outcome.backups).toHaveLength(2);
    expect(new Set([...outcome.panel, ...outcome.backups]).size).toBe(7);
    for (const id of [...outcome.panel, ...outcome.backups]) expect(outcome.eligible).toContain(id);
  });

  it("gives the same panel for the same seed and (almost always) another for another seed", () => {
    const a = drawn(runDraw(drawInput({ seed: 1 })));
    const b = drawn(runDraw(drawInput({ seed: 1 })));
    expect(b.panel).toEqual(a.panel);
    expect(b.backups).toEqual(a.backups);
    const panels = new Set([2, 3, 4, 5, 6].map((seed) => drawn(runDraw(drawInput({ seed }))).panel.join()));
    expect(panels.size).toBeGreaterThan(1);
  });

  it("pins the algorithm: a known seed gives a known panel (a change of generator or shuffle breaks old records)", () => {
    expect(seededSample(["a", "b", "c", "d", "e", "f", "g"], 42, 7)).toMatchInlineSnapshot(`
      [
        "b",
        "e",
        "c",
        "d",
        "g",
        "f",
        "a",
      ]
    `);
  });

  it("uses seeds up to 2^32 − 1 and refuses a seed out of range or a panel size that is even or < 3", () => {
    expect(runDraw(drawInput({ seed: 0xffffffff })).status).toBe("drawn");
    for (const bad of [
      drawInput({ seed: -1 }),
      drawInput({ seed: 2 ** 32 }),
      drawInput({ rules: sampleRules({ panelSize: 4 }) }),
      drawInput({ rules: sampleRules({ panelSize: 1 }) }),
      drawInput({ rules: sampleRules({ backups: -1 }) }),
      drawInput({ rules: sampleRules({ fields: [] }) }),
      drawInput({ candidates: [candidate(1), candidate(1)] }),
    ]) {
      const outcome = runDraw(bad);
      expect(outcome.status).toBe("refused");
      if (outcome.status === "refused") expect(outcome.refusal.code).toBe("draw-input-invalid");
    }
  });
});

describe("runDraw: filters and exclusion rules, each with its reason and facts", () => {
  it("filters by status, field (any match) and allowed titles", () => {
    const candidates = pool(20, (n) => ({
      ...(n === 1 ? { status: "suspended" } : {}),
      ...(n === 2 ? { fields: ["新材料"] } : {}),
      ...(n === 3 ? { fields: ["新材料", "人工智能"] } : {}),
      ...(n === 4 ? { title: "intermediate" } : {}),
    }));
    const outcome = drawn(
      runDraw(drawInput({ candidates, rules: sampleRules({ allowedTitles: ["senior", "associate-senior"] }) })),
    );
    expect(outcome.filtered.status).toEqual(["expert-0001"]);
    expect(outcome.filtered.field).toEqual(["expert-0002"]);
    expect(outcome.filtered.title).toEqual(["expert-0004"]);
    expect(outcome.eligible).toContain("expert-0003");
  });

  it("excludes the director and experts of the host unit (by id) or of the director's unit", () => {
    const target = { ...sampleTarget, unitId: "unit-1", unitName: "第1研究院", directorUnitId: "unit-2" };
    const candidates = pool(30, (n) => (n === 10 ? { personId: "person-director" } : {}));
    const outcome = drawn(runDraw(drawInput({ target, candidates })));
    expect(excludedBy(outcome, "director")).toEqual(["expert-0010"]);
    expect(excludedBy(outcome, "same-unit")).toEqual([
      "expert-0001",
      "expert-0008",
      "expert-0015",
      "expert-0022",
      "expert-0029",
    ]);
    expect(excludedBy(outcome, "director-unit")).toEqual([
      "expert-0002",
      "expert-0009",
      "expert-0016",
      "expert-0023",
      "expert-0030",
    ]);
    const sameUnit = outcome.exclusions.find((e) => e.rule === "same-unit")!;
    expect(sameUnit.facts).toMatchObject({ expertUnitId: "unit-1", targetUnitId: "unit-1", comparedBy: "id" });
    expect(sameUnit.reasonZh).toContain("第1研究院");
  });

  it("compares unit names, normalized, when an expert's unit id is unknown", () => {
    const candidates = pool(12, (n) => (n === 5 ? { unitId: null, unitName: " 华中科技大学 " } : {}));
    const outcome = drawn(runDraw(drawInput({ candidates })));
    expect(excludedBy(outcome, "same-unit")).toEqual(["expert-0005"]);
    expect(outcome.exclusions[0]?.facts.comparedBy).toBe("name");
    expect(normalizeUnitName("武汉（光谷）研究院 ")).toBe(normalizeUnitName("武汉(光谷)研究院"));
  });

  it("honours declared avoidances by expert, person or unit name", () => {
    const target = {
      ...sampleTarget,
      declaredAvoidances: [
        { expertId: "expert-0003", reason: "曾有学术争议" },
        { personId: "person-0004", reason: "竞争关系" },
        { unitName: "第5研究院", reason: "同一集团" },
      ],
    };
    const outcome = drawn(runDraw(drawInput({ target, candidates: pool(20) })));
    expect(excludedBy(outcome, "declared-avoidance")).toEqual([
      "expert-0003",
      "expert-0004",
      "expert-0005",
      "expert-0012",
      "expert-0019",
    ]);
    expect(outcome.exclusions.find((e) => e.expertId === "expert-0004")?.facts.matchedBy).toBe("personId");
  });

  it("excludes declared collaborations within N years of the reference year (boundary: N years back is inside)", () => {
    const target = {
      ...sampleTarget,
      declaredCollaborations: [
        { personId: "person-0001", year: 2023 }, // 2026 − 2023 = 3 ≤ 3: excluded
        { personId: "person-0002", year: 2022 }, // 4 > 3: allowed
      ],
    };
    const outcome = drawn(runDraw(drawInput({ target })));
    expect(excludedBy(outcome, "collaboration")).toEqual(["expert-0001"]);
    const wider = drawn(runDraw(drawInput({ target, rules: sampleRules({ collaborationYears: 4 }) })));
    expect(excludedBy(wider, "collaboration")).toEqual(["expert-0001", "expert-0002"]);
  });

  it("excludes experts already drawn K times this year (K − 1 still drawable)", () => {
    const candidates = pool(20, (n) => (n === 1 ? { drawsThisYear: 5 } : n === 2 ? { drawsThisYear: 4 } : {}));
    const outcome = drawn(runDraw(drawInput({ candidates })));
    expect(excludedBy(outcome, "draw-limit")).toEqual(["expert-0001"]);
    expect(outcome.eligible).toContain("expert-0002");
  });

  it("excludes experts pinned by an officer, with the officer's reason", () => {
    const rules = sampleRules({ pinnedExclusions: [{ expertId: "expert-0007", reason: "近期出国" }] });
    const outcome = drawn(runDraw(drawInput({ rules })));
    expect(outcome.exclusions).toEqual([
      expect.objectContaining({ expertId: "expert-0007", rule: "pinned", reasonZh: "处室指定回避：近期出国" }),
    ]);
  });

  it("refuses rather than returning a short panel, and says which rule removed whom", () => {
    const candidates = pool(8, (n) => (n <= 2 ? { drawsThisYear: 9 } : n === 3 ? { status: "retired" } : {}));
    const outcome = runDraw(drawInput({ candidates }));
    expect(outcome.status).toBe("refused");
    if (outcome.status !== "refused") return;
    expect(outcome.refusal.code).toBe("pool-too-small");
    expect(outcome.refusal.messageEn).toContain("5 eligible experts, fewer than the 7 needed");
    expect(outcome.refusal.messageEn).toContain("draw-limit 2");
    expect(outcome.counts).toMatchObject({ pool: 8, eligible: 5, needed: 7, filtered: { status: 1 } });
    expect(excludedBy(outcome, "draw-limit")).toEqual(["expert-0001", "expert-0002"]);
  });
});

describe("runDraw: properties", () => {
  const arbitraryPool = fc
    .uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 0, maxLength: 60 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((n) =>
          fc.record({
            n: fc.constant(n),
            unit: fc.integer({ min: 0, max: 6 }),
            field: fc.constantFrom("人工智能", "新材料"),
            status: fc.constantFrom("active", "active", "active", "suspended"),
            draws: fc.integer({ min: 0, max: 6 }),
          }),
        ),
      ),
    )
    .map((rows) =>
      rows.map(
        (row): DrawCandidate =>
          candidate(row.n, {
            unitId: `unit-${row.unit}`,
            unitName: `第${row.unit}研究院`,
            fields: [row.field],
            status: row.status,
            drawsThisYear: row.draws,
          }),
      ),
    );
  const arbitraryInput = fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    candidates: arbitraryPool,
    panelSize: fc.constantFrom(3, 5, 7),
    backups: fc.integer({ min: 0, max: 3 }),
    avoidUnit: fc.integer({ min: 0, max: 6 }),
    collaborator: fc.integer({ min: 1, max: 400 }),
  });
  type Generated = typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (a: Generated) =>
    drawInput({
      seed: a.seed,
      candidates: a.candidates,
      rules: sampleRules({ panelSize: a.panelSize, backups: a.backups }),
      target: {
        ...sampleTarget,
        unitId: "unit-0",
        declaredAvoidances: [{ unitName: `第${a.avoidUnit}研究院`, reason: "x" }],
        declaredCollaborations: [{ personId: `person-${String(a.collaborator).padStart(4, "0")}`, year: 2025 }],
      },
    });

  it("same input → same output", () => {
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        expect(runDraw(toInput(a))).toEqual(runDraw(toInput(a)));
      }),
    );
  });

  it("nobody filtered or excluded is on the panel or among the backups; no duplicates; never a short panel", () => {
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        const outcome = runDraw(toInput(a));
        if (outcome.status === "refused") {
          expect(outcome.eligible.length).toBeLessThan(a.panelSize + a.backups);
          return;
        }
        const chosen = [...outcome.panel, ...outcome.backups];
        const removed = new Set([
          ...outcome.exclusions.map((e) => e.expertId),
          ...Object.values(outcome.filtered).flat(),
        ]);
        expect(outcome.panel).toHaveLength(a.panelSize);
        expect(outcome.backups).toHaveLength(a.backups);
        expect(new Set(chosen).size).toBe(chosen.length);
        for (const id of chosen) expect(removed.has(id)).toBe(false);
      }),
    );
  });

  it("does not depend on the order the caller listed the candidates in", () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer(), (a, shuffleSeed) => {
        const shuffled = [...a.candidates].sort(
          (x, y) => ((x.personId.charCodeAt(10) * shuffleSeed) % 7) - ((y.personId.charCodeAt(10) * shuffleSeed) % 7),
        );
        expect(runDraw({ ...toInput(a), candidates: shuffled.reverse() })).toEqual(runDraw(toInput(a)));
      }),
    );
  });

  it("draws each eligible expert with roughly equal frequency", () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 2000; seed++) {
      for (const id of drawn(runDraw(drawInput({ seed, candidates: pool(10) }))).panel) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    // 2000 draws × 5 seats / 10 experts = 1000 each.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});
