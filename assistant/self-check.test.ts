import { describe, expect, it } from "vitest";
import { checkEligibility } from "../policy/eligibility/engine";
import { nextSelfCheckStep, selfCheckInput } from "./self-check";
import { type FactKey, type SelfCheckFacts, selfCheckQuestions } from "./self-check-questions";
import { withOfficeDates } from "./text";

const referenceDate = "2026-03-31";

/** A unit that meets every rule the dialogue can decide, for each type of base. */
const strong: Required<Omit<SelfCheckFacts, "baseType" | "offshore" | "unitType">> = {
  division: "420100",
  legalPerson: true,
  unitBadRecord: false,
  revokedRecently: false,
  validPartners: 3,
  compositeTeam: true,
  managementSystems: true,
  nationalPlatform: false,
  internationalProjects: 1,
  jointPapers: 3,
  academicEvents: 0,
  revenue3y: 30_000,
  rdExpense3y: 2_000,
  transferTeamSize: 5,
  transferProjects: 2,
  transferEventsMinYear: 5,
  overseasPremises: true,
  overseasStaff: 2,
  directorFullTime: true,
  directorResearchLead: true,
  directorBadRecord: false,
  directorTitle: "senior",
  directorEquivalentAbility: true,
};

/** Answers each question from `answers` until the verdict, returning the questions asked and the verdict. */
function converse(answers: SelfCheckFacts) {
  const facts: SelfCheckFacts = {};
  const asked: FactKey[] = [];
  for (let turn = 0; turn < 40; turn += 1) {
    const step = nextSelfCheckStep(facts, referenceDate);
    if (step.status === "verdict") return { asked, verdict: step, facts };
    const id = step.question.id;
    expect(asked).not.toContain(id);
    asked.push(id);
    const value = answers[id];
    if (value === undefined) throw new Error(`no answer for ${id}`);
    (facts as Record<string, unknown>)[id] = value;
  }
  throw new Error("the dialogue did not end");
}

describe("the self-check dialogue", () => {
  it("starts by asking the type of base, with the base types' labels as options and the article", () => {
    const step = nextSelfCheckStep({}, referenceDate);
    expect(step.status).toBe("question");
    if (step.status !== "question") return;
    expect(step.question.id).toBe("baseType");
    expect(step.question.kind).toBe("choice");
    expect(step.question.article).toBe("6");
    expect(step.question.options?.map((option) => option.labelZh)).toEqual(["联合研究类", "技术转移类", "特色类"]);
    expect(step.answered).toBe(0);
  });

  it("offers the prefectures by name, never a bare code, and 湖北省外", () => {
    const step = nextSelfCheckStep(
      { baseType: "joint-research", offshore: false, unitType: "university" },
      referenceDate,
    );
    if (step.status !== "question") throw new Error("expected a question");
    expect(step.question.id).toBe("division");
    const labels = step.question.options?.map((option) => option.labelZh) ?? [];
    expect(labels).toContain("武汉市");
    expect(labels).toContain("湖北省外");
    for (const label of labels) expect(label).not.toMatch(/^\d+$/);
  });

  it("a joint-research university with everything in place: asked only its questions, and no rule fails", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "joint-research",
      offshore: false,
      unitType: "university",
    });
    expect(asked).toContain("jointPapers");
    expect(asked).not.toContain("academicEvents"); // three papers already meet Art. 8.2
    expect(asked).not.toContain("revenue3y"); // Art. 8.3's ratio is an enterprise's
    expect(asked).not.toContain("transferTeamSize");
    expect(asked).not.toContain("overseasPremises");
    expect(asked).not.toContain("directorEquivalentAbility");
    expect(verdict.stoppedEarly).toBe(false);
    expect(verdict.overall).toBe("needs-judgement");
    const byRule = Object.fromEntries(verdict.rules.map((rule) => [rule.ruleId, rule.outcome]));
    expect(byRule["7.1-registered-in-hubei"]).toBe("pass");
    expect(byRule["7.2-partners"]).toBe("pass");
    expect(byRule["8.1-international-project"]).toBe("pass");
    expect(byRule["8.2-papers-or-events"]).toBe("pass");
    expect(byRule["12.2-title"]).toBe("pass");
    expect(byRule["7.2-team"]).toBe("judgement");
    expect(byRule["7.3-goals-mechanism"]).toBe("judgement");
    expect(byRule["8.3-rd-intensity"]).toBeUndefined();
    expect(verdict.rules.some((rule) => rule.outcome === "fail")).toBe(false);
  });

  it("an enterprise is asked its revenue and R&D, and a low ratio fails Art. 8.3 with the policy's words", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "joint-research",
      offshore: false,
      unitType: "enterprise",
      rdExpense3y: 100,
    });
    expect(asked).toEqual(expect.arrayContaining(["revenue3y", "rdExpense3y"]));
    const rd = verdict.rules.find((rule) => rule.ruleId === "8.3-rd-intensity");
    expect(rd?.outcome).toBe("fail");
    expect(rd?.article).toBe("8.3");
    expect(rd?.messageZh).toContain("低于高新技术企业认定标准");
    expect(verdict.overall).toBe("not-eligible");
  });

  it("a unit registered outside Hubei stops right there, saying why (Art. 7.1)", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: false,
      unitType: "hospital",
      division: "outside",
    });
    expect(asked).toEqual(["baseType", "offshore", "unitType", "division"]);
    expect(verdict.stoppedEarly).toBe(true);
    expect(verdict.overall).toBe("not-eligible");
    const failed = verdict.rules.filter((rule) => rule.outcome === "fail");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ruleId: "7.1-registered-in-hubei", article: "7.1" });
    expect(failed[0]?.messageZh).toContain("湖北省外");
    // The division code the dialogue stands in for "outside Hubei" is never shown.
    expect(failed[0]?.messageZh).not.toMatch(/\d{6}/);
  });

  it("a revocation within 3 years stops the dialogue on Art. 20", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: false,
      unitType: "university",
      revokedRecently: true,
    });
    expect(asked.at(-1)).toBe("revokedRecently");
    expect(verdict.stoppedEarly).toBe(true);
    expect(verdict.rules.find((rule) => rule.outcome === "fail")?.article).toBe("20");
  });

  it("two partners with valid agreements fail Art. 7.2 and stop before the director is asked about", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: false,
      unitType: "university",
      validPartners: 2,
    });
    expect(asked).not.toContain("directorTitle");
    expect(verdict.stoppedEarly).toBe(true);
    const failed = verdict.rules.find((rule) => rule.outcome === "fail");
    expect(failed?.ruleId).toBe("7.2-partners");
    expect(failed?.messageZh).toContain("仅 2 个合作机构");
    // What was decided before the failure is reported too.
    expect(verdict.rules.find((rule) => rule.ruleId === "7.1-legal-person")?.outcome).toBe("pass");
  });

  it("a joint-research director without a full senior title fails Art. 12.2 and is not asked about equivalent ability", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "joint-research",
      offshore: false,
      unitType: "university",
      directorTitle: "associate-senior",
    });
    expect(asked).not.toContain("directorEquivalentAbility");
    expect(verdict.rules.find((rule) => rule.ruleId === "12.2-title")?.outcome).toBe("fail");
  });

  it("another type's director below senior is asked about equivalent ability, which goes to the experts", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "technology-transfer",
      offshore: false,
      unitType: "intermediary",
      directorTitle: "intermediate",
      directorEquivalentAbility: true,
    });
    expect(asked.at(-1)).toBe("directorEquivalentAbility");
    expect(verdict.rules.find((rule) => rule.ruleId === "12.2-title")?.outcome).toBe("judgement");
    expect(verdict.overall).toBe("needs-judgement");
  });

  it("technology transfer asks Art. 9's questions and fails a lean year on Art. 9.3", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "technology-transfer",
      offshore: false,
      unitType: "science-park",
      transferEventsMinYear: 4,
    });
    expect(asked).toEqual(expect.arrayContaining(["transferTeamSize", "transferProjects", "transferEventsMinYear"]));
    expect(asked).not.toContain("jointPapers");
    expect(asked).not.toContain("internationalProjects");
    expect(verdict.rules.find((rule) => rule.ruleId === "9.3-events-each-year")?.outcome).toBe("fail");
  });

  it("an offshore platform is asked about premises and staff abroad; none abroad fails Art. 11.2", () => {
    const { asked, verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: true,
      unitType: "research-institute",
      overseasStaff: 0,
    });
    expect(asked).toEqual(expect.arrayContaining(["overseasPremises", "overseasStaff"]));
    expect(verdict.rules.find((rule) => rule.ruleId === "11.2-overseas-staff")?.outcome).toBe("fail");
    expect(verdict.rules.find((rule) => rule.ruleId === "11.1-overseas-premises")?.outcome).toBe("pass");
  });

  it("fewer than 3 papers asks about events; 3 events pass Art. 8.2, neither fails it", () => {
    const base = { ...strong, baseType: "joint-research" as const, offshore: false, unitType: "university" as const };
    const withEvents = converse({ ...base, jointPapers: 1, academicEvents: 3 });
    expect(withEvents.asked).toContain("academicEvents");
    expect(withEvents.verdict.rules.find((rule) => rule.ruleId === "8.2-papers-or-events")?.outcome).toBe("pass");
    const neither = converse({ ...base, jointPapers: 1, academicEvents: 2 });
    expect(neither.verdict.rules.find((rule) => rule.ruleId === "8.2-papers-or-events")?.outcome).toBe("fail");
  });

  it("a national platform is for the officer to weigh (Art. 7.6), not a failure", () => {
    const { verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: false,
      unitType: "university",
      nationalPlatform: true,
    });
    expect(verdict.rules.find((rule) => rule.ruleId === "7.6-national-platform")?.outcome).toBe("judgement");
    expect(verdict.overall).toBe("needs-judgement");
  });

  it("a bad record of the director fails Art. 12.1", () => {
    const { verdict } = converse({
      ...strong,
      baseType: "characteristic",
      offshore: false,
      unitType: "university",
      directorBadRecord: true,
    });
    expect(verdict.rules.find((rule) => rule.ruleId === "12.1-director-credit")?.outcome).toBe("fail");
  });

  it("reports no rule whose facts are not all given", () => {
    const step = nextSelfCheckStep(
      { baseType: "joint-research", offshore: false, unitType: "university", division: "420500" },
      referenceDate,
    );
    expect(step.status).toBe("question");
    if (step.status !== "question") return;
    expect(step.question.id).toBe("legalPerson");
    expect(step.answered).toBe(4);
  });

  it("the input it builds is the policy's: the verdict is checkEligibility's findings for the decided rules", () => {
    const facts: SelfCheckFacts = { ...strong, baseType: "joint-research", offshore: false, unitType: "enterprise" };
    const input = selfCheckInput(facts, referenceDate);
    const findings = checkEligibility(input, { referenceDate, registry: input.registry }).findings;
    const step = nextSelfCheckStep(facts, referenceDate);
    if (step.status !== "verdict") throw new Error("expected a verdict");
    for (const rule of step.rules.filter((rule) => rule.outcome !== "judgement")) {
      const finding = findings.find((candidate) => candidate.ruleId === rule.ruleId);
      expect(withOfficeDates(finding?.messageZh ?? "")).toBe(rule.messageZh);
      expect(finding?.article).toBe(rule.article);
    }
  });

  it("every question names a real article and feeds real rules; choice questions have labelled options", () => {
    const ids = selfCheckQuestions.map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of selfCheckQuestions) {
      expect(question.article).toMatch(/^\d{1,2}(\.\d{1,2})?$/);
      expect(question.textZh).not.toBe("");
      expect(question.textEn).not.toBe("");
      if (question.kind === "choice") expect(question.options?.length ?? 0).toBeGreaterThan(1);
    }
  });

  it("shows no stand-in the dialogue made up, and writes dates as offices do", () => {
    const stops: SelfCheckFacts[] = [
      { unitBadRecord: true },
      { revokedRecently: true },
      { directorBadRecord: true },
      { compositeTeam: true },
    ];
    for (const stop of stops) {
      const { verdict } = converse({
        ...strong,
        baseType: "characteristic",
        offshore: false,
        unitType: "university",
        ...stop,
      });
      const text = verdict.rules.map((rule) => rule.messageZh).join("\n");
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|SELFCHECK|团队 1 人|自评单位/);
    }
    const { verdict } = converse({ ...strong, baseType: "joint-research", offshore: false, unitType: "university" });
    expect(verdict.rules.find((rule) => rule.ruleId === "8.1-international-project")?.messageZh).toMatch(
      /\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/,
    );
  });
});
