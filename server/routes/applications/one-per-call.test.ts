import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { openCall } from "./recognition.fixtures";

type Finding = { ruleId: string; verdict: string; messageZh: string; evidence: string[] };
const uniqueness = (body: { eligibility: { findings: Finding[] } }) =>
  body.eligibility.findings.find((finding) => finding.ruleId === "7.5-one-base-per-scope");

describe.each(databaseKinds())("Art. 7.5 across a unit's applications on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("an application while the unit has another in progress (another call) is 'soft', naming the other", async () => {
    // app.zhilian (an enterprise) drafts in the demo call; a second call opens at the same time.
    const unit = await t.login("app.zhilian");
    const call = await openCall(t);
    const created = await unit.post("/api/applications", {
      callId: call.id,
      form: { application: { type: "joint-research", field: "人工智能" } },
    });
    expect(created.statusCode).toBe(201);
    const finding = uniqueness(created.json());
    expect(finding?.verdict).toBe("soft");
    expect(finding?.messageZh).toContain("另有 1 项申报正在进行");
    expect(finding?.evidence).toContain("registry.otherApplications.0");

    // 宜昌 has one application in expert review (the review demo batch) and one declined in the demo call: the
    // declined one no longer stands, so only the first is cited (its base is named first in the message).
    const yichang = await (await t.login("app.yichang")).post("/api/applications", {
      callId: call.id,
      form: { application: { type: "joint-research", field: "人工智能" } },
    });
    expect(yichang.statusCode).toBe(201);
    expect(uniqueness(yichang.json())?.evidence).toContain("registry.otherApplications.0");
    expect(uniqueness(yichang.json())?.evidence).not.toContain("registry.otherApplications.1");
  });

  it("two standing applications of one unit in one call (from before the rule) see each other on their next save", async () => {
    const call = await openCall(t);
    const unitName = "武汉光谷激光科技有限公司";
    const first = await createApplication(t.database.db, { callId: call.id, unitName, state: "draft" });
    await createApplication(t.database.db, { callId: call.id, unitName, state: "submitted" });
    const unit = await t.login("app.wuhan-ent");
    const read = (await unit.get(`/api/applications/${first}`)).json();
    const saved = await unit.patch(`/api/applications/${first}`, {
      form: { application: { type: "joint-research", field: "人工智能" } },
      version: read.version,
    });
    expect(saved.statusCode).toBe(200);
    const finding = uniqueness(saved.json());
    expect(finding?.verdict).toBe("soft");
    // The sibling in this call and the unit's application in the demo call.
    expect(finding?.evidence).toEqual(
      expect.arrayContaining(["registry.otherApplications.0", "registry.otherApplications.1"]),
    );
  });
});
