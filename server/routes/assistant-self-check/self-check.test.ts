import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const selfCheck = (t: TestApp, payload: unknown) =>
  t.app.inject({ method: "POST", url: "/api/assistant/self-check", payload: payload as object });

/** The answers of a joint-research university that meets every rule the dialogue decides. */
const strong = {
  baseType: "joint-research",
  offshore: false,
  unitType: "university",
  division: "420100",
  legalPerson: true,
  unitBadRecord: false,
  revokedRecently: false,
  validPartners: 4,
  compositeTeam: true,
  managementSystems: true,
  nationalPlatform: false,
  internationalProjects: 2,
  jointPapers: 5,
  directorFullTime: true,
  directorResearchLead: true,
  directorBadRecord: false,
  directorTitle: "senior",
};

describe.each(databaseKinds())("政策助手 self-check: POST /api/assistant/self-check on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { ASSISTANT_RATE_LIMIT: "1000" });
  });
  afterAll(() => t.close());

  it("asks anyone, without a session or CSRF token, the first question with its article and labelled options", async () => {
    const response = await selfCheck(t, { facts: {} });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: "question", lang: "zh", answered: 0 });
    expect(body.question).toMatchObject({ id: "baseType", kind: "choice", article: "6", text: "拟申报哪一类基地？" });
    expect(body.question.options).toContainEqual({
      value: "joint-research",
      labelZh: "联合研究类",
      labelEn: "Joint research",
    });
  });

  it("asks in English when asked to, and only what the remaining rules need", async () => {
    const body = (await selfCheck(t, { facts: { baseType: "characteristic", offshore: false }, lang: "en" })).json();
    expect(body.question).toMatchObject({ id: "unitType", text: "What kind of organisation is the host unit?" });
    const next = (
      await selfCheck(t, {
        facts: { ...strong, baseType: "characteristic", jointPapers: undefined, internationalProjects: undefined },
      })
    ).json();
    // A characteristic base is asked about projects (Art. 10.1), never about joint papers (Art. 8.2).
    expect(next.question).toMatchObject({ id: "internationalProjects", article: "8.1" });
  });

  it("gives the policy's verdict per rule with its article, and where to start applying", async () => {
    const body = (await selfCheck(t, { facts: strong })).json();
    expect(body.status).toBe("verdict");
    expect(body).toMatchObject({ stoppedEarly: false, overall: "needs-judgement", start: { href: "/calls" } });
    expect(body.rules).toContainEqual(
      expect.objectContaining({ ruleId: "7.2-partners", article: "7.2", outcome: "pass" }),
    );
    expect(body.rules).toContainEqual(
      expect.objectContaining({ ruleId: "12.2-title", outcome: "pass", message: "负责人具有正高级职称。" }),
    );
    expect(body.rules.some((rule: { outcome: string }) => rule.outcome === "fail")).toBe(false);
  });

  it("stops at the first rule that fails and says why", async () => {
    const body = (
      await selfCheck(t, {
        facts: { baseType: "joint-research", offshore: false, unitType: "enterprise", division: "outside" },
        lang: "en",
      })
    ).json();
    expect(body).toMatchObject({ status: "verdict", stoppedEarly: true, overall: "not-eligible" });
    expect(body.rules).toEqual([
      expect.objectContaining({ ruleId: "7.1-registered-in-hubei", article: "7.1", outcome: "fail" }),
    ]);
    expect(body.rules[0].message).toMatch(/outside Hubei/);
  });

  it("counts the look-back from the open annual call's deadline and names the call to start", async () => {
    await createCall(t.database.db, {
      titleZh: "自查测试批次",
      titleEn: "Self-check test call",
      opensAt: new Date("2026-03-09T00:00:00Z"),
      closesAt: new Date("2026-04-30T15:59:59Z"),
      deadline: "2026-04-30",
    });
    const question = (await selfCheck(t, { facts: {} })).json();
    expect(question.referenceDate).toBe("2026-04-30");
    const verdict = (await selfCheck(t, { facts: strong })).json();
    expect(verdict.start).toEqual({ href: "/calls", callTitleZh: "自查测试批次", callTitleEn: "Self-check test call" });
    expect(verdict.rules.find((rule: { ruleId: string }) => rule.ruleId === "7.2-partners").message).toContain(
      "2026年4月30日",
    );
  });

  it("refuses bad input with the one error shape, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ facts: { baseType: "space-station" } }, "facts.baseType"],
      [{ facts: { validPartners: -1 } }, "facts.validPartners"],
      [{ facts: { validPartners: 2.5 } }, "facts.validPartners"],
      [{ facts: { legalPerson: "yes" } }, "facts.legalPerson"],
      [{ facts: { division: "110000" } }, "facts.division"],
      [{ facts: { isOfshore: true } }, "facts"],
      [{ facts: {}, lang: "fr" }, "lang"],
      [{ facts: {}, extra: 1 }, ""],
    ];
    for (const [payload, path] of cases) {
      const response = await selfCheck(t, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ code: expect.any(String), messageZh: expect.any(String) });
      if (path) {
        const paths = body.errors.map((error: { path: string }) => error.path);
        expect(
          paths.some((candidate: string) => candidate.startsWith(path)),
          JSON.stringify(paths),
        ).toBe(true);
      }
    }
  });
});

describe.each(databaseKinds())("政策助手 self-check is rate-limited on %s", (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { ASSISTANT_RATE_LIMIT: "3" });
  });
  afterAll(() => t.close());

  it("answers 429 beyond ASSISTANT_RATE_LIMIT a minute from one address", async () => {
    const codes: number[] = [];
    for (let index = 0; index < 4; index += 1) codes.push((await selfCheck(t, { facts: {} })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});
