import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawRecordSchema } from "../../../contracts/review";
import { verifyDrawRecord } from "../../../policy/review/draw-record";
import { auditLog, draws, reviewAssignments, reviewRounds } from "../../db/schema";
import { parseStored } from "../../db/stored-json";
import { assignmentsOf, expertAccountsFor } from "../../review/review.test-helpers";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const scores = { foundation: 30, team: 24, plan: 21 }; // 75

describe.each(databaseKinds())("expert review on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let usernames: Map<string, string>;
  let callId: string;
  let applicationId: string;
  let roundId: string;
  const asExpert = async (expertId: string) => t.login(usernames.get(expertId)!);

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    usernames = await expertAccountsFor(t, "新材料");
    callId = await createCall(t.database.db);
    applicationId = await createApplication(t.database.db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "in-expert-review",
      field: "新材料",
    });
  });
  afterAll(() => t.close());

  it("refuses bad input (400), no session (401), applicants and recommenders (403) — they never see reviewers", async () => {
    expect((await officer.post("/api/reviews", { targetKind: "thesis", targetId: "" })).statusCode).toBe(400);
    expect(
      (
        await officer.post("/api/reviews", {
          targetKind: "application",
          targetId: applicationId,
          settings: { draw: { panelSize: 4 } },
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.anonymous.get("/api/reviews")).statusCode).toBe(401);
    for (const username of ["app.wuhan-ent", "rec.wuhan"]) {
      const agent = await t.login(username);
      for (const url of ["/api/reviews", "/api/reviews/assignments", "/api/draws", "/api/experts"]) {
        expect((await agent.get(url)).statusCode, `${username} ${url}`).toBe(403);
      }
      expect(
        (await agent.post("/api/reviews", { targetKind: "application", targetId: applicationId })).statusCode,
      ).toBe(403);
    }
  });

  it("an application not in expert review cannot start a review (409)", async () => {
    const draft = await createApplication(t.database.db, { callId, unitName: "华中科技大学", state: "draft" });
    const response = await officer.post("/api/reviews", { targetKind: "application", targetId: draft });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("not-in-expert-review");
    expect((await officer.post("/api/reviews", { targetKind: "application", targetId: "nope" })).statusCode).toBe(404);
  });

  it("officer opens a round and draws: the record holds seed, rules, candidates, exclusions and re-runs to the same panel", async () => {
    const created = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: applicationId,
      settings: { draw: { panelSize: 3, backups: 1, fields: ["新材料"] } },
    });
    expect(created.statusCode).toBe(201);
    roundId = created.json().id;
    expect(created.json()).toMatchObject({ status: "drawing", groupId: callId });
    expect(
      (await officer.post("/api/reviews", { targetKind: "application", targetId: applicationId })).statusCode,
    ).toBe(409);

    const drawn = await officer.post(`/api/reviews/${roundId}/draws`, {});
    expect(drawn.statusCode).toBe(201);
    expect(drawn.json().panel).toHaveLength(3);
    expect(drawn.json().backups).toHaveLength(1);
    expect((await assignmentsOf(t, roundId, "invited")).length).toBe(3);
    expect((await officer.post(`/api/reviews/${roundId}/draws`, {})).json().code).toBe("draw-exists");

    for (const who of ["officer", "auditor"]) {
      const response = await (await t.login(who)).get(`/api/draws/${drawn.json().id}/record`);
      expect(response.statusCode).toBe(200);
      const record = drawRecordSchema.parse(response.json());
      expect(record).toMatchObject({ format: "guohe-draw-record/1", attempt: 1, rules: { panelSize: 3, backups: 1 } });
      expect(record.candidates.length).toBe(30);
      expect(record.outcome.filtered.status.length).toBe(1); // the suspended demo expert
      expect(verifyDrawRecord(record, sha256).matches).toBe(true);
    }
    // An expert of the host unit (武汉光谷激光 is not in the pool) — but the 宜昌 unit's own expert is not excluded here.
    const record = drawRecordSchema.parse((await officer.get(`/api/draws/${drawn.json().id}/record`)).json());
    const dir = mkdtempSync(join(tmpdir(), "draw-record-"));
    const file = join(dir, "record.json");
    writeFileSync(file, JSON.stringify(record));
    const out = execFileSync(
      join(process.cwd(), "node_modules/.bin/tsx"),
      ["scripts/policy-cli.ts", "draw-verify", file],
      {
        encoding: "utf8",
      },
    );
    expect(out).toContain("MATCH");
    expect((await (await t.login("expert")).get(`/api/draws/${drawn.json().id}/record`)).statusCode).toBe(403);
  });

  it("an expert sees only their assignments: another panel's assignment and materials are 404", async () => {
    const demoExpert = await t.login("expert");
    const mine = (await demoExpert.get("/api/reviews/assignments")).json().items;
    expect(mine.map((a: { targetTitle: string }) => a.targetTitle)).toEqual([
      "湖北省量子与光子科技国际科技合作基地（联合研究）",
    ]);
    const [other] = await assignmentsOf(t, roundId);
    for (const url of [
      `/api/reviews/assignments/${other!.id}`,
      `/api/reviews/assignments/${other!.id}/materials`,
      `/api/reviews/${roundId}`,
    ]) {
      expect((await demoExpert.get(url)).statusCode, url).toBe(404);
    }
    expect((await demoExpert.post(`/api/reviews/assignments/${other!.id}/accept`, {})).statusCode).toBe(404);
    const rounds = (await demoExpert.get("/api/reviews")).json().items;
    expect(rounds).toHaveLength(1);
  });

  it("cannot open materials or score before declaring (409); declares, scores, submits; cannot edit after submitting", async () => {
    const [first] = await assignmentsOf(t, roundId, "invited");
    const expert = await asExpert(first!.expertId);
    const id = first!.id;
    expect((await expert.get(`/api/reviews/assignments/${id}/materials`)).json().code).toBe("declare-first");
    expect((await expert.post(`/api/reviews/assignments/${id}/scores`, { scores })).statusCode).toBe(409);
    expect((await expert.post(`/api/reviews/assignments/${id}/accept`, {})).json().status).toBe("accepted");
    expect((await expert.get(`/api/reviews/assignments/${id}/materials`)).statusCode).toBe(409);
    const declared = await expert.post(`/api/reviews/assignments/${id}/declaration`, {
      conflict: false,
      statement: "本人与申报单位无利益冲突",
    });
    expect(declared.json().status).toBe("declared");
    const materials = await expert.get(`/api/reviews/assignments/${id}/materials`);
    expect(materials.statusCode).toBe(200);
    expect(materials.json().sections[0].items[0]).toMatchObject({
      labelZh: "依托单位",
      value: "武汉光谷激光科技有限公司",
    });
    const opened = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.materials.open"), eq(auditLog.targetId, id)));
    // The two refused attempts (before declaring) are audited as refused; the opening itself as a success.
    expect(opened.map((entry) => entry.outcome).sort()).toEqual(["refused", "refused", "success"]);

    expect(
      (await expert.post(`/api/reviews/assignments/${id}/scores`, { scores: { foundation: 41 } })).statusCode,
    ).toBe(400);
    expect((await expert.post(`/api/reviews/assignments/${id}/submit`, {})).json().code).toBe("score-missing");
    const saved = await expert.post(`/api/reviews/assignments/${id}/scores`, {
      scores,
      comments: { foundation: "合作基础扎实" },
      opinion: "建议认定",
      recommendation: "recommend",
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await expert.post(`/api/reviews/assignments/${id}/submit`, {});
    expect(submitted.json()).toMatchObject({ status: "submitted", total: 75 });
    const [row] = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
    expect(row?.total).toBe(7500);
    const locked = await expert.post(`/api/reviews/assignments/${id}/scores`, { scores });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe("review-locked");

    expect((await expert.post(`/api/reviews/assignments/${id}/reopen`, { reason: "x" })).statusCode).toBe(403);
    expect((await officer.post(`/api/reviews/assignments/${id}/reopen`, {})).statusCode).toBe(400);
    const reopened = await officer.post(`/api/reviews/assignments/${id}/reopen`, { reason: "评分说明需补充" });
    expect(reopened.json()).toMatchObject({ status: "declared", reopenReason: "评分说明需补充" });
    expect((await expert.post(`/api/reviews/assignments/${id}/submit`, {})).json().status).toBe("submitted");
  });

  it("a recusal brings in the backup (补抽), recorded in the draw record; when backups run out a top-up attempt is drawn", async () => {
    const [second, third] = await assignmentsOf(t, roundId, "invited");
    const recusing = await asExpert(second!.expertId);
    await recusing.post(`/api/reviews/assignments/${second!.id}/accept`, {});
    expect(
      (await recusing.post(`/api/reviews/assignments/${second!.id}/declaration`, { conflict: true })).statusCode,
    ).toBe(422);
    const recused = await recusing.post(`/api/reviews/assignments/${second!.id}/declaration`, {
      conflict: true,
      statement: "近两年与申报单位有合作项目",
    });
    expect(recused.json().status).toBe("recused");
    const [current] = await t.database.db.select().from(draws).where(eq(draws.roundId, roundId));
    const record = parseStored("draws.record", current!.record, current!.id);
    expect(record.replacements).toEqual([
      expect.objectContaining({
        outExpertId: second!.expertId,
        inExpertId: record.outcome.backups[0],
        reason: "recused",
      }),
    ]);
    expect(verifyDrawRecord(record, sha256).matches).toBe(true);
    const [replacement] = await t.database.db
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.replacesId, second!.id));
    expect(replacement).toMatchObject({ expertId: record.outcome.backups[0], status: "invited", role: second!.role });

    const declining = await asExpert(third!.expertId);
    expect(
      (await declining.post(`/api/reviews/assignments/${third!.id}/decline`, { reason: "出差" })).json().status,
    ).toBe("declined");
    const topUp = await officer.post(`/api/reviews/${roundId}/draws`, { reason: "备选专家已用完" });
    expect(topUp.statusCode).toBe(201);
    expect(topUp.json()).toMatchObject({ attempt: 2, status: "current" });
    expect(topUp.json().panel).toHaveLength(1);
    const attempts = await t.database.db.select().from(draws).where(eq(draws.roundId, roundId));
    expect(attempts.map((d) => [d.attempt, d.status]).sort()).toEqual([
      [1, "superseded"],
      [2, "current"],
    ]);
    const asked = new Set((await assignmentsOf(t, roundId)).map((a) => a.expertId));
    expect(asked.size).toBe(5);
  });

  it("the panel completes: aggregation, the leader's panel opinion, the hand-off, the ranking as Excel and PDF", async () => {
    for (const assignment of await assignmentsOf(t, roundId)) {
      if (assignment.status !== "invited") continue;
      const expert = await asExpert(assignment.expertId);
      await expert.post(`/api/reviews/assignments/${assignment.id}/accept`, {});
      await expert.post(`/api/reviews/assignments/${assignment.id}/declaration`, { conflict: false });
      await expert.post(`/api/reviews/assignments/${assignment.id}/scores`, {
        scores: { foundation: 36, team: 27, plan: 27 }, // 90
      });
      expect((await expert.post(`/api/reviews/assignments/${assignment.id}/submit`, {})).statusCode).toBe(200);
    }
    const aggregation = (await officer.get(`/api/reviews/${roundId}/aggregation`)).json();
    expect(aggregation).toMatchObject({ submitted: 3, method: "mean", score: 85, mean: 85 });
    const [leader] = await t.database.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.role, "leader")));
    const leaderAgent = await asExpert(leader!.expertId);
    expect((await leaderAgent.get(`/api/reviews/${roundId}/aggregation`)).statusCode).toBe(200);
    const member = (await assignmentsOf(t, roundId, "submitted")).find((a) => a.role === "member")!;
    const memberAgent = await asExpert(member.expertId);
    expect((await memberAgent.get(`/api/reviews/${roundId}/aggregation`)).statusCode).toBe(403);
    expect(
      (await memberAgent.post(`/api/reviews/${roundId}/panel-opinion`, { opinion: "专家组一致同意推荐认定该基地。" }))
        .statusCode,
    ).toBe(403);
    const completed = await leaderAgent.post(`/api/reviews/${roundId}/panel-opinion`, {
      opinion: "专家组一致认为该基地合作基础扎实，建议认定。",
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json().status).toBe("completed");
    const [round] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.id, roundId));
    expect(round?.panelOpinion).toContain("建议认定");
    expect(await t.flushOutbox()).toBeGreaterThan(0);
    const inbox = (await officer.get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      "专家评审已完成：湖北省新材料国际科技合作基地（联合研究）（平均分 85.00）",
    );

    const ranking = (await officer.get(`/api/reviews/ranking?groupId=${callId}`)).json();
    expect(ranking.rows[0]).toMatchObject({ rank: 1, score: 85, unitName: "武汉光谷激光科技有限公司" });
    const xlsx = await officer.get(`/api/reviews/ranking.xlsx?groupId=${callId}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("专家评审排序")!;
    expect(sheet.getRow(3).values).toContain("综合得分");
    expect(sheet.getRow(4).getCell(6).value).toBe(85);
    const pdf = await officer.get(`/api/reviews/ranking.pdf?groupId=${callId}`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "ranking-"));
    writeFileSync(join(dir, "ranking.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "ranking.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("专家评审排序表");
    expect(text).toContain("85.00");
    expect((await (await t.login("expert")).get(`/api/reviews/ranking?groupId=${callId}`)).statusCode).toBe(403);
    expect((await officer.get("/api/reviews/ranking?groupId=nope")).statusCode).toBe(404);
  });
});
