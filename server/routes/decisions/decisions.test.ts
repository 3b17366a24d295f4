import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, applications, bases, onSiteVerifications, reviewRounds } from "../../db/schema";
import { createApplication, createCall, sampleRubric, unitIdByName } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart, onePixelPng } from "./test-helpers";

const laser = "武汉光谷激光科技有限公司";
const yichang = "宜昌三峡新材料股份有限公司";

describe.each(databaseKinds())("decision workbench on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  let officer: Agent;
  const stateOf = async (id: string) =>
    (await t.database.db.select().from(applications).where(eq(applications.id, id)))[0]?.state;

  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = await createCall(t.database.db);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("is for officers: 401 without a session, 403 for a recommender, 404 for an unknown application, 400 on bad input", async () => {
    expect((await t.anonymous.get("/api/decisions/candidates")).statusCode).toBe(401);
    expect((await (await t.login("rec.wuhan")).get("/api/decisions/candidates")).statusCode).toBe(403);
    expect((await (await t.login("app.wuhan-ent")).get("/api/decisions/portfolio")).statusCode).toBe(403);
    expect((await officer.get(`/api/decisions/candidates/${randomUUID()}`)).statusCode).toBe(404);
    expect(
      (await officer.post(`/api/decisions/applications/${randomUUID()}/evaluate`, { opinion: "好" })).statusCode,
    ).toBe(404);
    const bad = await officer.post(`/api/decisions/applications/${randomUUID()}/evaluate`, { opinion: " " });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(["opinion"]);
  });

  it("hands the expert review over only once its round is completed, and tells the unit", async () => {
    const id = await createApplication(t.database.db, { callId, unitName: laser, state: "in-expert-review" });
    const early = await officer.post(`/api/decisions/applications/${id}/complete-review`);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: "review-incomplete", article: "14.2" });
    await t.database.db.insert(reviewRounds).values({
      id: randomUUID(),
      targetKind: "application",
      targetId: id,
      rubric: sampleRubric,
      settings: { draw: {}, aggregation: {} },
      status: "completed",
      panelOpinion: "专家组同意推荐。",
      createdAt: t.clock.now(),
    });
    const done = await officer.post(`/api/decisions/applications/${id}/complete-review`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: "reviewed", review: { roundStatus: "completed" } });
    expect(done.json().events).toEqual(expect.arrayContaining(["start-on-site-verification", "evaluate", "reject"]));
    expect(await stateOf(id)).toBe("reviewed");
    expect((await officer.post(`/api/decisions/applications/${id}/complete-review`)).statusCode).toBe(409);
    await t.flushOutbox();
    const inbox = (await (await t.login("app.wuhan-ent")).get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      "专家评审已完成：湖北省人工智能国际科技合作基地（联合研究）",
    );
  });

  it("records an on-site verification with its photos and moves the application to verified", async () => {
    const id = await createApplication(t.database.db, {
      callId,
      unitName: laser,
      state: "reviewed",
      field: "光电子信息",
    });
    const upload = await officer.request({
      method: "POST",
      url: "/api/decisions/files",
      ...multipart("现场照片.png", onePixelPng, "image/png"),
    });
    expect(upload.statusCode).toBe(201);
    const disguised = await officer.request({
      method: "POST",
      url: "/api/decisions/files",
      ...multipart("照片.png", Buffer.from("not an image"), "image/png"),
    });
    expect(disguised.statusCode).toBe(415);

    expect((await officer.post(`/api/decisions/applications/${id}/start-on-site-verification`)).statusCode).toBe(200);
    const input = {
      visitedOn: "2026-03-09",
      team: ["王教授（组长）", "李处长"],
      findings: "场地、设备与申报一致；外方合作人员在岗。",
      conclusion: "confirmed",
      fileIds: [upload.json().id],
    };
    const missing = await officer.post(`/api/decisions/applications/${id}/on-site-verifications`, {
      ...input,
      team: [],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe("team");
    const future = await officer.post(`/api/decisions/applications/${id}/on-site-verifications`, {
      ...input,
      visitedOn: "2026-04-01",
    });
    expect(future.statusCode).toBe(400);
    const unknownFile = await officer.post(`/api/decisions/applications/${id}/on-site-verifications`, {
      ...input,
      fileIds: [randomUUID()],
    });
    expect(unknownFile.statusCode).toBe(400);
    expect(await stateOf(id)).toBe("on-site-verification");

    const recorded = await officer.post(`/api/decisions/applications/${id}/on-site-verifications`, input);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().state).toBe("verified");
    expect(recorded.json().verifications[0]).toMatchObject({ visitedOn: "2026-03-09", conclusion: "confirmed" });
    expect(recorded.json().verifications[0].files[0].name).toBe("现场照片.png");
    const [row] = await t.database.db
      .select()
      .from(onSiteVerifications)
      .where(eq(onSiteVerifications.applicationId, id));
    expect(row).toMatchObject({ team: input.team, fileIds: input.fileIds });
    expect((await officer.post(`/api/decisions/applications/${id}/on-site-verifications`, input)).statusCode).toBe(409);
  });

  it("shows the portfolio with and without each candidate, then records the evaluation opinion", async () => {
    const id = await createApplication(t.database.db, {
      callId,
      unitName: yichang,
      state: "verified",
      field: "新材料",
      type: "technology-transfer",
      standardName: "湖北省新材料国际科技合作基地（技术转移）",
      form: { application: { countries: { key: ["DE", "RS"], main: ["FR"], radiating: ["PL"] } } },
    });
    await t.database.db.delete(bases); // the demo's registry: this test counts its own rows
    await t.database.db.insert(bases).values({
      id: randomUUID(),
      standardName: "湖北省新材料国际科技合作基地（联合研究）",
      unitId: await unitIdByName(t.database.db, "华中科技大学"),
      type: "joint-research",
      field: "新材料",
      countries: { key: ["DE"], main: [], radiating: [] },
      recognizedOn: "2023-12-01",
      documentNumber: "鄂科技函〔2023〕9号",
      origin: "provincial-2022",
      edition: "2022",
      status: "active",
      createdAt: t.clock.now(),
    });
    const portfolio = await officer.get(`/api/decisions/portfolio?callId=${callId}`);
    expect(portfolio.statusCode).toBe(200);
    const mine = portfolio.json().candidates.find((c: { applicationId: string }) => c.applicationId === id);
    const delta = (dimension: string, key: string) =>
      mine.deltas.find((d: { dimension: string; key: string }) => d.dimension === dimension && d.key === key);
    expect(delta("field", "新材料")).toMatchObject({ bases: 1, without: 1, with: 2, fillsGap: false });
    expect(delta("country", "DE")).toMatchObject({ labelZh: "德国", bases: 1, fillsGap: false });
    expect(delta("country", "RS")).toMatchObject({ bases: 0, without: 0, with: 1, fillsGap: true });
    expect(delta("division", "420500")).toMatchObject({ labelZh: "宜昌市" });
    expect(delta("type", "technology-transfer")).toMatchObject({ labelZh: "技术转移类", fillsGap: true });
    const field = portfolio.json().dimensions.field.find((b: { key: string }) => b.key === "新材料");
    expect(field).toMatchObject({ bases: 1, candidates: 1 });

    const evaluated = await officer.post(`/api/decisions/applications/${id}/evaluate`, {
      opinion: "填补塞尔维亚合作布局，建议认定。",
    });
    expect(evaluated.statusCode).toBe(200);
    expect(evaluated.json()).toMatchObject({
      state: "evaluated",
      evaluationOpinion: "填补塞尔维亚合作布局，建议认定。",
    });
    const [event] = await t.database.db
      .select()
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.event, "evaluate")));
    expect(event?.data).toMatchObject({ opinion: "填补塞尔维亚合作布局，建议认定。" });
  });

  it("rejects a candidate only with a reason", async () => {
    const id = await createApplication(t.database.db, {
      callId,
      unitName: laser,
      state: "reviewed",
      field: "高端芯片",
    });
    const bad = await officer.post(`/api/decisions/applications/${id}/reject`, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("reason");
    const done = await officer.post(`/api/decisions/applications/${id}/reject`, { reason: "合作基础薄弱" });
    expect(done.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ state: "rejected", lastReason: "合作基础薄弱" });
  });
});
