import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEvents } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const plan = {
  platform: "建设先进陶瓷联合实验室。",
  projects: "新增国际联合研发项目 2 项。",
  talent: "互派研究人员 4 人次。",
  activities: "举办国际研讨会 1 次。",
  targets: { projects: 2, exchanges: 3, trainings: 1, jointPapers: 5, agreements: 2 },
  budgetWan: 200,
};

describe.each(databaseKinds())("work plans on %s", (kind) => {
  let t: TestApp;
  let baseId: string;
  let url: string;
  const put = (agent: Awaited<ReturnType<TestApp["login"]>>, payload: object) =>
    agent.request({ method: "PUT", url, payload, headers: { "x-csrf-token": agent.csrfToken } });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const unit = await t.login("app.yichang");
    [{ id: baseId }] = (await unit.get("/api/bases")).json().items;
    url = `/api/bases/${baseId}/work-plans/2025`;
  });
  afterAll(() => t.close());

  it("drafts under the version lock and refuses to file an incomplete plan, naming each part", async () => {
    const unit = await t.login("app.yichang");
    const empty = (await unit.get(url)).json();
    expect(empty).toMatchObject({ version: 0, editable: true, filedAt: null });
    expect(empty.missing.map((m: { path: string }) => m.path)).toEqual([
      "platform",
      "projects",
      "talent",
      "activities",
      "targets",
    ]);
    const early = await unit.post(`${url}/file`);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "plan-incomplete", article: "18.1" });
    expect((await put(unit, { content: { platform: "x" }, version: 0 })).json()).toEqual({ version: 1 });
    expect((await put(unit, { content: { platform: "y" }, version: 0 })).json().code).toBe("stale-version");
    expect((await put(unit, { content: { ...plan, budgetWan: -1 }, version: 1 })).statusCode).toBe(400);
    expect((await put(unit, { content: plan, version: 1 })).statusCode).toBe(200);
  });

  it("files the complete plan once: read-only after, on the timeline, and compared with the year's report", async () => {
    const unit = await t.login("app.yichang");
    const filed = await unit.post(`${url}/file`);
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ editable: false, missing: [] });
    expect(filed.json().filedAt).toBeTruthy();
    expect((await put(unit, { content: plan, version: 3 })).json()).toMatchObject({
      code: "plan-filed",
      article: "18.5",
    });
    expect((await unit.post(`${url}/file`)).json().code).toBe("plan-filed");
    const entries = await t.database.db
      .select()
      .from(baseEvents)
      .where(and(eq(baseEvents.baseId, baseId), eq(baseEvents.kind, "plan-filed")));
    expect(entries.map((entry) => entry.data)).toEqual([{ year: 2025 }]);
    const [report] = (await unit.get(`/api/annual-reports?year=2025&baseId=${baseId}`)).json().items;
    const detail = (await unit.get(`/api/annual-reports/${report.id}`)).json();
    expect(detail.plan.targets).toEqual(plan.targets);
    expect(detail.progress.find((row: { key: string }) => row.key === "jointPapers")).toMatchObject({
      planned: 5,
      done: 3,
    });
  });

  it("lets the recommender read but not write, and hides the plan from another unit", async () => {
    const recommender = await t.login("rec.yichang");
    expect((await recommender.get(url)).json()).toMatchObject({
      editable: false,
      content: { platform: plan.platform },
    });
    expect((await put(recommender, { content: plan, version: 3 })).statusCode).toBe(403);
    const other = await t.login("app.wuhan-ent");
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await put(other, { content: plan, version: 0 })).statusCode).toBe(404);
    expect((await other.get(`/api/bases/${baseId}/work-plans/abc`)).statusCode).toBe(400);
  });
});
