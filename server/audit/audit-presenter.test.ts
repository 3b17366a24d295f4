import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { auditSentence } from "./audit-presenter";

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const code = /\b[a-z]+(?:[.-][a-z]+)+\b/;

describe("audit entries as sentences", () => {
  it("names the actor, the verb of the action and the object", () => {
    const row = {
      actorName: "李处长",
      action: "application.pass-formal-review",
      targetType: "application",
      targetId: "x",
      outcome: "success" as const,
    };
    const name = { zh: "宜昌三峡新材料股份有限公司", en: "宜昌三峡新材料股份有限公司" };
    expect(auditSentence(row, name)).toEqual({
      zh: "李处长 通过了 宜昌三峡新材料股份有限公司 的形式审查",
      en: "李处长 passed the formal review of 宜昌三峡新材料股份有限公司",
    });
    // A refused request names what was asked for, never its URL.
    expect(
      auditSentence(
        { ...row, action: "GET /api/accounts/expert-options", targetType: null, targetId: null, outcome: "refused" },
        undefined,
      ),
    ).toEqual({ zh: "李处长 请求查看账户（被拒绝）", en: "李处长 asked to view accounts (refused)" });
    // An action no table knows still reads as words.
    expect(auditSentence({ ...row, action: "gizmo.frobnicate", targetType: "gizmo" }, undefined).zh).toBe(
      "李处长 处理了记录",
    );
  });
});

describe.each(databaseKinds())("GET /api/audit presents sentences on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("every entry of the demo reads as a sentence with names, no codes or ids", async () => {
    await t.login("officer");
    const officer = await t.login("officer");
    expect((await officer.get("/api/audit")).statusCode).toBe(403);
    const auditor = await t.login("auditor");
    const page = (await auditor.get("/api/audit?pageSize=200")).json() as {
      items: { action: string; targetType: string | null; sentenceZh: string; sentenceEn: string }[];
    };
    expect(page.items.length).toBeGreaterThan(20);
    for (const item of page.items) {
      expect(item.sentenceZh, item.action).not.toMatch(uuid);
      expect(item.sentenceZh, item.action).not.toMatch(code);
      expect(item.sentenceEn, item.action).not.toMatch(uuid);
    }
    const login = page.items.find((item) => item.action === "auth.login");
    expect(login?.sentenceZh).toMatch(/ 登录了系统$/);
    const refused = page.items.find((item) => item.action === "GET /api/audit");
    expect(refused?.sentenceZh).toMatch(/ 请求查看审计日志（被拒绝）$/);
    // An application is named by its unit.
    const application = page.items.find((item) => item.targetType === "application");
    if (application) expect(application.sentenceZh).toMatch(/(大学|公司|研究院|医院|中心|所)/);
  });
});
