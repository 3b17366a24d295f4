import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, applications, auditLog, experts, people, reviewAssignments, reviewRounds } from "../../db/schema";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

type Target = { id: string; title: string; hasOpenRound: boolean; defaultFields: string[] };

/** Officers open an expert review round from the targets awaiting one (SPEC §5.1 step 5), then draw its panel. */
describe.each(databaseKinds())("opening an expert review on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let callId: string;
  let awaitingId: string;
  let draftId: string;
  let formalId: string;
  let demoReviewedId: string;
  const targets = async (query = "") => (await officer.get(`/api/reviews/targets?kind=application${query}`)).json();
  const targetIds = async (query = "") => ((await targets(query)).items as Target[]).map((item) => item.id);

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    callId = await createCall(t.database.db);
    const db = t.database.db;
    awaitingId = await createApplication(db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "in-expert-review",
      field: "新材料",
    });
    draftId = await createApplication(db, { callId, unitName: "华中科技大学", state: "draft", field: "新材料" });
    formalId = await createApplication(db, { callId, unitName: "华中科技大学", state: "formal-review" });
    // The demo's application already has a drawn round (server/demo/load-review-demo.ts).
    const [demoRound] = await db
      .select({ targetId: reviewRounds.targetId })
      .from(reviewRounds)
      .where(inArray(reviewRounds.status, ["drawing", "in-review"]));
    demoReviewedId = demoRound!.targetId;
  });
  afterAll(() => t.close());

  it("lists targets only for officers: 401 without a session, 403 for applicant, recommender and expert, 400 for a bad kind", async () => {
    expect((await t.anonymous.get("/api/reviews/targets")).statusCode).toBe(401);
    for (const username of ["app.wuhan-ent", "rec.wuhan", "expert"]) {
      const agent = await t.login(username);
      expect((await agent.get("/api/reviews/targets?kind=application")).statusCode, username).toBe(403);
    }
    expect((await officer.get("/api/reviews/targets?kind=thesis")).statusCode).toBe(400);
    expect((await officer.get("/api/reviews/targets?includeOpen=perhaps")).statusCode).toBe(400);
  });

  it("lists only applications in expert review without an open round, with the call, the field and the defaults", async () => {
    const response = await officer.get("/api/reviews/targets?kind=application");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const ids = (body.items as Target[]).map((item) => item.id);
    expect(ids).toContain(awaitingId);
    expect(ids).not.toContain(draftId);
    expect(ids).not.toContain(formalId);
    expect(ids).not.toContain(demoReviewedId);
    const states = await t.database.db
      .select({ state: applications.state })
      .from(applications)
      .where(inArray(applications.id, ids));
    expect(new Set(states.map((row) => row.state))).toEqual(new Set(["in-expert-review"]));
    expect(body.items.find((item: Target) => item.id === awaitingId)).toEqual({
      kind: "application",
      id: awaitingId,
      title: "湖北省新材料国际科技合作基地（联合研究）",
      unitName: "武汉光谷激光科技有限公司",
      field: "新材料",
      groupId: callId,
      groupTitle: "关于开展2026年度湖北省国际科技合作基地认定工作的通知",
      hasOpenRound: false,
      defaultFields: ["新材料"],
    });
    // policy/review: panel of 5 with 2 backups, collaboration within 3 years, at most 5 panels a year.
    expect(body.defaults).toEqual({
      draw: {
        allowedTitles: [],
        statuses: ["active"],
        panelSize: 5,
        backups: 2,
        collaborationYears: 3,
        maxDrawsPerYear: 5,
      },
      aggregation: { method: "auto", deviationThreshold: 15, trimFrom: 5 },
    });
    // The round's effective settings are for officers: the demo round, as its expert sees it, has none.
    const [demoRound] = await t.database.db
      .select({ id: reviewRounds.id })
      .from(reviewRounds)
      .where(eq(reviewRounds.targetId, demoReviewedId));
    const asOfficer = (await officer.get(`/api/reviews/${demoRound!.id}`)).json();
    expect(asOfficer.effectiveSettings.draw).toMatchObject({ fields: ["量子与光子科技"], panelSize: 3, backups: 0 });
    const asExpert = (await (await t.login("expert")).get(`/api/reviews/${demoRound!.id}`)).json();
    expect(asExpert.effectiveSettings).toBeNull();
    // Asked for, the ones with an open round come flagged.
    const all = (await targets("&includeOpen=true")).items as Target[];
    expect(all.find((item) => item.id === demoReviewedId)?.hasOpenRound).toBe(true);
    expect(all.find((item) => item.id === awaitingId)?.hasOpenRound).toBe(false);
  });

  it("refuses an even panel size (400, field path, Chinese and English) and an unknown excluded expert (422)", async () => {
    const even = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: awaitingId,
      settings: { draw: { panelSize: 4 } },
    });
    expect(even.statusCode).toBe(400);
    expect(even.json().errors).toEqual([
      { path: "settings.draw.panelSize", messageZh: "专家组人数应为奇数", messageEn: "The panel size must be odd" },
    ]);
    const unknown = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: awaitingId,
      settings: { draw: { pinnedExclusions: [{ expertId: "nobody", reason: "近期合作" }] } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: "settings.draw.pinnedExclusions.0.expertId", messageZh: "专家库中没有该专家" }),
    ]);
    const missingReason = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: awaitingId,
      settings: { draw: { pinnedExclusions: [{ expertId: "nobody", reason: " " }] } },
    });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().errors[0].path).toBe("settings.draw.pinnedExclusions.0.reason");
    const rounds = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.targetId, awaitingId));
    expect(rounds).toHaveLength(0);
  });

  it("creates the round with its settings once (a second is 409); it joins the rounds and leaves the targets", async () => {
    const [pinned] = await t.database.db
      .select({ id: experts.id, name: people.name })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .limit(1);
    const settings = {
      draw: {
        fields: ["尚无专家的领域"],
        allowedTitles: ["senior", "associate-senior"],
        panelSize: 3,
        backups: 0,
        collaborationYears: 2,
        maxDrawsPerYear: 4,
        pinnedExclusions: [{ expertId: pinned!.id, reason: "与申报单位近期有合作" }],
      },
      aggregation: { method: "mean", deviationThreshold: 12 },
    };
    const created = await officer.post("/api/reviews", { targetKind: "application", targetId: awaitingId, settings });
    expect(created.statusCode).toBe(201);
    const round = created.json();
    expect(round).toMatchObject({
      status: "drawing",
      groupId: callId,
      settings,
      abilities: ["draw.run", "draw.read", "review.reopen"],
    });
    expect(round.effectiveSettings).toEqual({
      draw: {
        ...settings.draw,
        statuses: ["active"],
        pinnedExclusions: [{ ...settings.draw.pinnedExclusions[0], name: pinned!.name }],
      },
      aggregation: { method: "mean", deviationThreshold: 12, trimFrom: 5 },
    });
    const [stored] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.id, round.id));
    expect(stored?.settings).toEqual(settings);

    const again = await officer.post("/api/reviews", { targetKind: "application", targetId: awaitingId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("review-exists");

    const listed = (await officer.get("/api/reviews")).json().items as Array<{ id: string; targetId: string }>;
    expect(listed.find((item) => item.id === round.id)?.targetId).toBe(awaitingId);
    expect(await targetIds()).not.toContain(awaitingId);
    expect((await targets("&includeOpen=true")).items.find((item: Target) => item.id === awaitingId)).toMatchObject({
      hasOpenRound: true,
    });
  });

  it("a re-draw after a failed attempt needs a reason; once a panel stands, no draw is offered", async () => {
    const [round] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.targetId, awaitingId));
    const roundId = round!.id;
    // No expert works in that field: the first attempt is refused and kept.
    const failed = await officer.post(`/api/reviews/${roundId}/draws`, {});
    expect(failed.statusCode).toBe(201);
    expect(failed.json()).toMatchObject({ attempt: 1, status: "failed" });
    expect(failed.json().refusal).not.toBeNull();
    expect((await officer.get(`/api/reviews/${roundId}`)).json().abilities).toContain("draw.run");

    const noReason = await officer.post(`/api/reviews/${roundId}/draws`, { rules: { fields: ["新材料"] } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({
      code: "reason-required",
      errors: [{ path: "reason", messageZh: "请填写重新抽取的理由", messageEn: "Give the reason for the re-draw" }],
    });
    const redrawn = await officer.post(`/api/reviews/${roundId}/draws`, {
      rules: { fields: ["新材料"] },
      reason: "所选领域无可抽取专家，改按新材料领域抽取",
    });
    expect(redrawn.statusCode).toBe(201);
    expect(redrawn.json()).toMatchObject({ attempt: 2, status: "current" });
    expect(redrawn.json().panel).toHaveLength(3);
    const audited = await t.database.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "draw.run"), eq(auditLog.targetId, roundId), eq(auditLog.outcome, "success")));
    expect(audited.map((entry) => entry.changes?.reason)).toContain("所选领域无可抽取专家，改按新材料领域抽取");

    const after = (await officer.get(`/api/reviews/${roundId}`)).json();
    expect(after.status).toBe("in-review");
    expect(after.abilities).not.toContain("draw.run");
    expect(after.assignments.filter((a: { role: string }) => a.role === "leader")).toHaveLength(1);
    const blocked = await officer.post(`/api/reviews/${roundId}/draws`, { reason: "再抽一次" });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe("draw-exists");
  });

  it("an officer cancels a round that cannot go on, with a reason; the invited are told and the target is listed again", async () => {
    const [round] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.targetId, awaitingId));
    const url = `/api/reviews/${round!.id}/cancel`;
    expect((await (await t.login("expert")).post(url, { reason: "x" })).statusCode).toBe(403);
    const blank = await officer.post(url, { reason: " " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe("reason");

    const cancelled = await officer.post(url, { reason: "抽取规则有误，重新组织评审" });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe("cancelled");
    expect((await officer.post(url, { reason: "再撤一次" })).json().code).toBe("round-closed");
    expect(await targetIds()).toContain(awaitingId);
    const [entry] = await t.database.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.cancel"), eq(auditLog.targetId, round!.id)));
    expect(entry?.changes).toMatchObject({ from: "in-review", to: "cancelled", invited: 3 });
    await t.flushOutbox();
    const invited = await t.database.db
      .select({ accountId: experts.accountId })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .where(eq(reviewAssignments.roundId, round!.id));
    const [one] = await t.database.db.select().from(accounts).where(eq(accounts.id, invited[0]!.accountId!));
    const inbox = (await (await t.login(one!.username)).get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      `评审邀请已撤销：${cancelled.json().targetTitle}`,
    );

    // Once an expert has submitted, the round stands.
    const [demo] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.targetId, demoReviewedId));
    const [assignment] = await t.database.db
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.roundId, demo!.id));
    await t.database.db
      .update(reviewAssignments)
      .set({ status: "submitted" })
      .where(eq(reviewAssignments.id, assignment!.id));
    const refused = await officer.post(`/api/reviews/${demo!.id}/cancel`, { reason: "不应撤销" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("reviews-submitted");
  });
});
