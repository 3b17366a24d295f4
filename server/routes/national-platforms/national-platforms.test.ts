import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, baseEvents, bases, nationalPlatforms, notifications, revocations } from "../../db/schema";
import { unitIdByName } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, openCall } from "../applications/recognition.fixtures";

/** Art. 21 (exit on upgrade, from the document's date, no ban) and Art. 24 (a MOST base revoked nationally). */
describe.each(databaseKinds())("national platforms of bases on %s", (kind) => {
  let t: TestApp;
  let wuhanEnt: string;
  let baseId: string;
  let callId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    wuhanEnt = await unitIdByName(t.database.db, "武汉光谷激光科技有限公司");
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, wuhanEnt));
    baseId = base!.id;
    callId = (await openCall(t)).id;
  });
  afterAll(() => t.close());

  /** The unit's eligibility findings on a fresh application in this year's call. */
  // One application per unit per call: the first check creates it, each later check saves it again, which re-runs
  // the eligibility check against the registry as it stands.
  let applicationId: string | undefined;
  const findingsOf = async () => {
    const applicant = await t.login("app.wuhan-ent");
    const form = await completeForm(t, "刘洋", "激光制造");
    let saved: Awaited<ReturnType<typeof applicant.post>>;
    if (applicationId) {
      const { version } = (await applicant.get(`/api/applications/${applicationId}`)).json();
      saved = await applicant.patch(`/api/applications/${applicationId}`, { form, version });
      expect(saved.statusCode, saved.body).toBe(200);
    } else {
      saved = await applicant.post("/api/applications", { callId, form });
      expect(saved.statusCode, saved.body).toBe(201);
      applicationId = saved.json().id;
    }
    const findings: { ruleId: string; verdict: string; evidence?: string[] }[] = saved.json().eligibility.findings;
    const oneBase = findings.find((f) => f.ruleId === "7.5-one-base-per-scope");
    basesCitedBy75 = (oneBase?.evidence ?? []).filter(
      (path) => path.startsWith("registry.") && !path.includes("otherApplications"),
    );
    return Object.fromEntries(findings.map((f) => [f.ruleId, f.verdict])) as Record<string, string>;
  };
  /**
   * What the last check's Art. 7.5 finding cites besides the unit's other applications in progress (the demo call's
   * application keeps 7.5 'soft' on its own): empty when no base of the unit counts as live.
   */
  let basesCitedBy75: string[] = [];
  const exit = {
    kind: "bri-joint-laboratory",
    name: "中国—德国激光制造“一带一路”联合实验室",
    documentNumber: "国科外函〔2026〕8号",
    documentDate: "2026-02-01",
  };

  it("the base page says which series a base belongs to; only the officer is offered the exit", async () => {
    const unit = await t.login("app.wuhan-ent");
    const own = (await unit.get(`/api/bases/${baseId}/national-status`)).json();
    expect(own).toMatchObject({
      seriesZh: "省国合基地",
      isMostBase: false,
      platform: null,
      decidedUnder: null,
      availableActions: [],
    });
    const officer = (await (await t.login("officer")).get(`/api/bases/${baseId}/national-status`)).json();
    expect(officer.availableActions).toEqual(["upgrade-exit"]);
    expect((await (await t.login("app.yichang")).get(`/api/bases/${baseId}/national-status`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/bases/${baseId}/national-status`)).statusCode).toBe(401);
  });

  it("refuses others, bad input and a document dated in the future, writing nothing", async () => {
    const url = `/api/bases/${baseId}/upgrade-exit`;
    expect((await (await t.login("rec.wuhan")).post(url, exit)).statusCode).toBe(403);
    expect((await (await t.login("app.wuhan-ent")).post(url, exit)).statusCode).toBe(403);
    const officer = await t.login("officer");
    const bad = await officer.post(url, { ...exit, kind: "provincial", documentDate: "2026-02-30" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(["kind", "documentDate"]),
    );
    const future = await officer.post(url, { ...exit, documentDate: "2026-03-11" });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: "documentDate" })]);
    expect((await officer.post(`/api/bases/${randomUUID()}/upgrade-exit`, exit)).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(bases).where(eq(bases.id, baseId));
    expect(row?.status).toBe("active");
    expect(await t.database.db.select().from(nationalPlatforms).where(eq(nationalPlatforms.baseId, baseId))).toEqual(
      [],
    );
  });

  it("exits on the document's date: status, timeline, platform, notices, audit; not public; no ban", async () => {
    const publicBefore = (await t.anonymous.get("/api/public/bases?pageSize=100")).json();
    expect(publicBefore.items.map((item: { id: string }) => item.id)).toContain(baseId);
    const officer = await t.login("officer");
    const response = await officer.post(`/api/bases/${baseId}/upgrade-exit`, exit);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "exited",
      statusChangedOn: "2026-02-01",
      decidedUnder: { editionId: "2025", labelZh: "湖北省国际科技合作基地管理办法（鄂科技规〔2025〕6号）" },
      availableActions: [],
      platform: {
        kind: "bri-joint-laboratory",
        kindZh: "国家级“一带一路”联合实验室",
        name: exit.name,
        approvedOn: "2026-02-01",
        documentNumber: exit.documentNumber,
        revokedOn: null,
      },
    });
    const [row] = await t.database.db.select().from(bases).where(eq(bases.id, baseId));
    expect(row).toMatchObject({ status: "exited", statusChangedOn: "2026-02-01" });
    const events = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, baseId));
    expect(events.filter((event) => event.kind === "exited-national")).toEqual([
      expect.objectContaining({
        on: "2026-02-01",
        data: { article: "21", documentNumber: exit.documentNumber, platformName: exit.name },
      }),
    ]);
    const detail = (await officer.get(`/api/bases/${baseId}`)).json();
    expect(detail).toMatchObject({ status: "exited", statusZh: "已升级退出", statusChangedOn: "2026-02-01" });
    expect(await t.database.db.select().from(revocations).where(eq(revocations.unitId, wuhanEnt))).toEqual([]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "base.exit-national"), eq(auditLog.outcome, "success")));
    // The demo's own upgraded base wrote its pair earlier: this exit's pair is the base and its platform.
    const ours = audit.filter((entry) => entry.targetId === baseId || JSON.stringify(entry.changes).includes(baseId));
    expect(ours.map((entry) => entry.targetType).sort()).toEqual(["base", "national-platform"]);

    await t.flushOutbox();
    for (const username of ["app.wuhan-ent", "rec.donghu"]) {
      const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, username));
      const notes = await t.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.accountId, account!.id), eq(notifications.link, `/bases/${baseId}`)));
      expect(notes.filter((note) => note.titleZh.includes("退出省国合基地序列"))).toHaveLength(1);
    }

    // It leaves the public registry; its history stays in the department's registry.
    const publicAfter = (await t.anonymous.get("/api/public/bases?pageSize=100")).json();
    expect(publicAfter.items.map((item: { id: string }) => item.id)).not.toContain(baseId);
    expect((await t.anonymous.get(`/api/public/bases/${baseId}`)).statusCode).toBe(404);
    const facts = (await officer.get(`/api/registry-facts?unitId=${wuhanEnt}`)).json();
    expect(facts.nationalPlatforms).toEqual([expect.objectContaining({ baseId, name: exit.name, revokedOn: null })]);

    // Exited, not revoked: no 3-year ban (Art. 20); the base no longer counts as live (Art. 7.5); the national
    // platform it now holds is for the officer to weigh (Art. 7.6, in principle).
    expect(await findingsOf()).toMatchObject({
      "20-revocation-ban": "pass",
      "7.6-national-platform": "soft",
    });
    expect(basesCitedBy75).toEqual([]);

    // Exited is final: a second exit is refused on Art. 21's table.
    const again = await officer.post(`/api/bases/${baseId}/upgrade-exit`, exit);
    expect(again.statusCode).toBe(422);
  });

  it("Art. 24: a MOST base revoked nationally leaves the provincial system without a ban and may apply", async () => {
    const mostBaseId = randomUUID();
    await t.database.db.insert(bases).values({
      id: mostBaseId,
      standardName: "光谷激光国家国际科技合作基地",
      unitId: wuhanEnt,
      type: "joint-research",
      field: "激光制造",
      recognizedOn: "2019-12-01",
      documentNumber: "国科外函〔2019〕30号",
      origin: "most-international",
      edition: "national",
      status: "active",
      statusChangedOn: "2019-12-01",
      createdAt: t.clock.now(),
    });
    const officer = await t.login("officer");
    const status = (await officer.get(`/api/bases/${mostBaseId}/national-status`)).json();
    expect(status).toMatchObject({
      seriesZh: "部省国合基地（科技部国际科技合作基地）",
      isMostBase: true,
      availableActions: ["upgrade-exit", "national-revocation"],
    });
    // Still holding national status: treated as today (a live base of the unit, in principle one per unit).
    expect(await findingsOf()).toMatchObject({ "7.5-one-base-per-scope": "soft", "20-revocation-ban": "pass" });
    expect(basesCitedBy75.length).toBeGreaterThan(0);

    // Only a MOST base has a national status to lose; a provincial base is refused on Art. 24.
    const [provincial] = await t.database.db
      .select()
      .from(bases)
      .where(and(eq(bases.status, "active"), eq(bases.origin, "provincial-2022")))
      .limit(1);
    const notMost = await officer.post(`/api/bases/${provincial!.id}/national-revocation`, { revokedOn: "2026-01-01" });
    expect(notMost.statusCode).toBe(422);
    expect(notMost.json()).toMatchObject({ code: "not-a-most-base", article: "24" });
    const future = await officer.post(`/api/bases/${mostBaseId}/national-revocation`, { revokedOn: "2026-03-11" });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: "revokedOn" })]);
    expect(
      (
        await (
          await t.login("rec.wuhan")
        ).post(`/api/bases/${mostBaseId}/national-revocation`, { revokedOn: "2026-01-05" })
      ).statusCode,
    ).toBe(403);

    const revoked = await officer.post(`/api/bases/${mostBaseId}/national-revocation`, {
      revokedOn: "2026-01-05",
      documentNumber: "国科外函〔2026〕2号",
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: "revoked",
      statusChangedOn: "2026-01-05",
      platform: { kind: "most-international-base", revokedOn: "2026-01-05" },
      availableActions: [],
    });
    const events = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, mostBaseId));
    expect(events).toEqual([
      expect.objectContaining({
        kind: "national-revoked",
        on: "2026-01-05",
        data: { article: "24", platformName: "光谷激光国家国际科技合作基地", documentNumber: "国科外函〔2026〕2号" },
      }),
    ]);
    expect(await t.database.db.select().from(revocations).where(eq(revocations.unitId, wuhanEnt))).toEqual([]);

    // The platform it upgraded to (previous test) is still held: Art. 7.6 still asks for the difference.
    expect(await findingsOf()).toMatchObject({
      "7.6-national-platform": "soft",
      "20-revocation-ban": "pass",
    });
    expect(basesCitedBy75).toEqual([]);
    // MOST revokes that one too, recorded in the registry facts: the unit is no longer "already a national base".
    const facts = (await officer.get(`/api/registry-facts?unitId=${wuhanEnt}`)).json();
    const upgraded = facts.nationalPlatforms.find((platform: { revokedOn: string | null }) => !platform.revokedOn);
    const url = `/api/registry-facts/national-platforms/${upgraded.id}/revocation`;
    expect((await (await t.login("rec.wuhan")).post(url, { revokedOn: "2026-03-01" })).statusCode).toBe(403);
    expect((await officer.post(url, { revokedOn: "2026-01-31" })).statusCode).toBe(400); // before its approval
    expect((await officer.post(url, { revokedOn: "2026-03-01" })).statusCode).toBe(200);
    expect((await officer.post(url, { revokedOn: "2026-03-01" })).statusCode).toBe(409);
    const findings = await findingsOf();
    expect(findings).toMatchObject({
      "7.6-national-platform": "pass",
      "20-revocation-ban": "pass",
    });
    expect(basesCitedBy75).toEqual([]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "registry.national-platform.revoke"), eq(auditLog.targetId, upgraded.id)));
    expect(audit.map((entry) => entry.outcome).sort()).toEqual(["refused", "refused", "success"]);
  });
});
