import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RubricIndicator } from "../../../policy/grading/rubric";
import {
  accounts,
  applicationFiles,
  applications,
  auditLog,
  experts,
  files,
  people,
  reviewAssignments,
  reviewRounds,
  roleGrants,
  units,
} from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { pdfText } from "../applications/recognition.fixtures";
import { downloadDossier, expectManifestMatches, shareDemoFiles, type UnpackedDossier } from "./dossier.fixtures";

const leafIds = (indicators: readonly RubricIndicator[]): RubricIndicator[] =>
  indicators.flatMap((indicator) => (indicator.children?.length ? leafIds(indicator.children) : [indicator]));

const pdfOf = (dossier: UnpackedDossier, path: string) => {
  const bytes = dossier.files.get(path);
  expect(bytes, `${path} in ${[...dossier.files.keys()].join(", ")}`).toBeDefined();
  return pdfText(bytes!);
};

describe.each(databaseKinds())("an application's dossier on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  /** The demo's application in expert review, recommended by 武汉 through 东湖, with every material uploaded. */
  let inReview: { id: string; unitName: string; applicant: string };
  /** The review demo's application (宜昌三峡新材料), its round and the panel's expert accounts. */
  let reviewed: { id: string; roundId: string; applicant: string; panel: Array<{ username: string; name: string }> };

  const url = (id: string) => `/api/applications/${id}/dossier.zip`;
  const applicantOf = async (unitId: string) => {
    const [row] = await t.database.db
      .select({ username: accounts.username })
      .from(accounts)
      .innerJoin(roleGrants, eq(roleGrants.accountId, accounts.id))
      .where(and(eq(accounts.unitId, unitId), eq(roleGrants.role, "applicant"), eq(roleGrants.status, "approved")))
      .orderBy(accounts.username)
      .limit(1);
    return row!.username;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    shareDemoFiles(t);
    officer = await t.login("officer");
    const db = t.database.db;
    const [app] = await db
      .select({ id: applications.id, unitId: applications.unitId, unitName: units.name })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(and(eq(applications.field, "新型能源"), eq(applications.state, "in-expert-review")));
    inReview = { id: app!.id, unitName: app!.unitName, applicant: await applicantOf(app!.unitId) };
    const [round] = await db
      .select({ roundId: reviewRounds.id, id: reviewRounds.targetId, unitId: applications.unitId })
      .from(reviewRounds)
      .innerJoin(applications, eq(applications.id, reviewRounds.targetId))
      .where(eq(reviewRounds.targetKind, "application"));
    const panel = await db
      .select({ username: accounts.username, name: people.name })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(people, eq(people.id, experts.personId))
      .innerJoin(accounts, eq(accounts.id, experts.accountId))
      .where(eq(reviewAssignments.roundId, round!.roundId));
    reviewed = { id: round!.id, roundId: round!.roundId, applicant: await applicantOf(round!.unitId), panel };
    // The review demo inserts its application straight into expert review; an application there was submitted.
    await db
      .update(applications)
      .set({ submittedAt: t.clock.now() })
      .where(and(eq(applications.id, round!.id), isNull(applications.submittedAt)));
  });
  afterAll(() => t.close());

  it("gives the department every generated document, uploaded file and record, each listed with its SM3", async () => {
    const dossier = await downloadDossier(officer, url(inReview.id));
    expectManifestMatches(dossier);
    const paths = [...dossier.files.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        "01-申报书/申报书.pdf",
        "03-推荐/推荐函.pdf",
        "03-推荐/推荐汇总表.pdf",
        "04-专家评审/专家评审意见与评分.pdf",
        "05-审核与认定/审核、核查与认定决定.pdf",
        "06-办理历程/办理历程.pdf",
      ]),
    );
    // Every uploaded material is there, byte for byte (its SHA-256 as stored), in a folder named after its slot.
    const uploaded = await t.database.db
      .select({ sha256: files.sha256 })
      .from(applicationFiles)
      .innerJoin(files, eq(files.id, applicationFiles.fileId))
      .where(eq(applicationFiles.applicationId, inReview.id));
    const materials = dossier.manifest.files.filter((file) => file.path.startsWith("02-申报材料/"));
    expect(uploaded.length).toBeGreaterThan(0);
    expect(materials).toHaveLength(uploaded.length);
    expect(materials.every((file) => file.kind === "uploaded" && file.path.split("/").length === 3)).toBe(true);
    expect(materials.map((file) => file.path)).toContain("02-申报材料/申报书（签字盖章PDF）/申报书（签字盖章PDF）.pdf");
    const digests = materials.map((file) => createHash("sha256").update(dossier.files.get(file.path)!).digest("hex"));
    expect(digests.sort()).toEqual(uploaded.map((row) => row.sha256).sort());

    expect(pdfOf(dossier, "01-申报书/申报书.pdf")).toContain(inReview.unitName);
    const history = pdfOf(dossier, "06-办理历程/办理历程.pdf");
    expect(history).toContain("推荐部门审核中");
    expect(history).toContain("鄂科技规");
    expect(history).not.toMatch(/in-expert-review|pass-formal-review|send-to-review/);
    expect(pdfOf(dossier, "05-审核与认定/审核、核查与认定决定.pdf")).toContain("申报材料齐全：符合");
    expect(dossier.manifestText).toContain(inReview.unitName);
    expect(dossier.manifestText).toContain("SM3");
  });

  it("prints codes that the public check resolves, the letter's the same as its own download's", async () => {
    const dossier = await downloadDossier(officer, url(inReview.id));
    const coded = dossier.manifest.files.filter((file) => file.verificationCode !== null);
    expect(coded.map((file) => file.kind)).toEqual(coded.map(() => "generated"));
    expect(coded.map((file) => file.path)).toEqual(
      expect.arrayContaining(["01-申报书/申报书.pdf", "03-推荐/推荐函.pdf"]),
    );
    const expected: Record<string, string> = {
      "01-申报书/申报书.pdf": "application-form",
      "03-推荐/推荐函.pdf": "recommendation",
    };
    for (const file of coded) {
      const check = await t.anonymous.get(`/api/public/verify/${file.verificationCode}`);
      expect(check.statusCode, file.path).toBe(200);
      if (expected[file.path]) expect(check.json().kind).toBe(expected[file.path]);
      expect(pdfOf(dossier, file.path)).toContain(file.verificationCode!);
    }
    const manifest = await t.anonymous.get(`/api/public/verify/${dossier.manifest.verificationCode}`);
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toMatchObject({ kind: "dossier-manifest", issuer: inReview.unitName });
    expect(dossier.manifestText).toContain(dossier.manifest.verificationCode);

    const [app] = await t.database.db.select().from(applications).where(eq(applications.id, inReview.id));
    const letter = await officer.get(`/api/calls/${app!.callId}/recommendations/${app!.recommenderId}/letter/pdf`);
    expect(letter.statusCode).toBe(200);
    const inDossier = coded.find((file) => file.path === "03-推荐/推荐函.pdf");
    expect(inDossier?.verificationCode).toBe(letter.headers["x-verification-code"]);
  });

  it("audits each download: who, which dossier, how many files", async () => {
    const before = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.download"), eq(auditLog.targetId, inReview.id)));
    const dossier = await downloadDossier(officer, url(inReview.id));
    const after = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.download"), eq(auditLog.targetId, inReview.id)));
    expect(after).toHaveLength(before.length + 1);
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, "officer"));
    expect(after.at(-1)).toMatchObject({ actorId: account!.id, targetType: "application", outcome: "success" });
    expect(after.at(-1)!.changes).toMatchObject({
      reader: "department",
      files: dossier.manifest.files.length,
      manifestCode: dossier.manifest.verificationCode,
    });
  });

  it("gives the host unit its own dossier without the recommender's letter", async () => {
    const applicant = await t.login(inReview.applicant);
    const dossier = await downloadDossier(applicant, url(inReview.id));
    expectManifestMatches(dossier);
    const paths = [...dossier.files.keys()];
    expect(paths).toContain("01-申报书/申报书.pdf");
    expect(paths.some((path) => path.startsWith("03-推荐/"))).toBe(false);
    expect(dossier.manifest.notes.join("")).toContain("推荐函");
  });

  it("shows the department every score sheet by name, an expert only their own, the unit the panel's result", async () => {
    const [round] = await t.database.db.select().from(reviewRounds).where(eq(reviewRounds.id, reviewed.roundId));
    const leaves = leafIds(round!.rubric.indicators);
    const [first, ...others] = reviewed.panel;
    expect(first).toBeDefined();
    const expert = await t.login(first!.username);
    const [assignment] = await t.database.db
      .select()
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(accounts, eq(accounts.id, experts.accountId))
      .where(and(eq(reviewAssignments.roundId, reviewed.roundId), eq(accounts.username, first!.username)));
    const assignmentId = assignment!.review_assignments.id;

    // Before declaring no conflict the expert reads nothing of the application, as with the materials.
    expect((await expert.get(url(reviewed.id))).statusCode).toBe(409);
    expect((await expert.post(`/api/reviews/assignments/${assignmentId}/accept`, {})).statusCode).toBe(200);
    expect(
      (await expert.post(`/api/reviews/assignments/${assignmentId}/declaration`, { conflict: false })).statusCode,
    ).toBe(200);
    const scores = Object.fromEntries(leaves.map((leaf) => [leaf.id, leaf.max]));
    const saved = await expert.post(`/api/reviews/assignments/${assignmentId}/scores`, {
      scores,
      opinion: "合作基础扎实，建议认定。",
      recommendation: "recommend",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await expert.post(`/api/reviews/assignments/${assignmentId}/submit`, {})).statusCode).toBe(200);

    const own = await downloadDossier(expert, url(reviewed.id));
    expectManifestMatches(own);
    expect([...own.files.keys()].sort()).toEqual(["01-申报书/申报书.pdf", "04-专家评审/专家评审意见与评分.pdf"]);
    const ownSheet = pdfOf(own, "04-专家评审/专家评审意见与评分.pdf");
    expect(ownSheet).toContain(first!.name);
    expect(ownSheet).toContain("合作基础扎实");
    for (const other of others) expect(ownSheet).not.toContain(other.name);

    const department = pdfOf(await downloadDossier(officer, url(reviewed.id)), "04-专家评审/专家评审意见与评分.pdf");
    for (const member of reviewed.panel) expect(department).toContain(member.name);
    expect(department).toContain("100.00");

    const unit = await downloadDossier(await t.login(reviewed.applicant), url(reviewed.id));
    const panel = pdfOf(unit, "04-专家评审/专家评审意见与评分.pdf");
    expect(panel).toContain("专家组评分");
    for (const member of reviewed.panel) expect(panel).not.toContain(member.name);
  });

  it("refuses anonymous callers, another unit, another jurisdiction and an expert not on the panel", async () => {
    expect((await t.anonymous.get(url(inReview.id))).statusCode).toBe(401);
    for (const username of ["app.hust", "rec.yichang"]) {
      const response = await (await t.login(username)).get(url(inReview.id));
      expect(response.statusCode, username).toBe(404);
      expect(response.json().code).toBe("not-found");
    }
    const onPanel = new Set(reviewed.panel.map((member) => member.username));
    const [outsider] = (
      await t.database.db
        .select({ username: accounts.username })
        .from(experts)
        .innerJoin(accounts, eq(accounts.id, experts.accountId))
        .where(eq(experts.status, "active"))
    ).filter((row) => !onPanel.has(row.username));
    const response = await (await t.login(outsider!.username)).get(url(reviewed.id));
    expect(response.statusCode).toBe(404);
    // A recommender's own 新型能源 application is its (武汉 holds it), and the sysadmin reads no business data.
    expect((await (await t.login("rec.wuhan")).get(url(inReview.id))).statusCode).toBe(200);
    expect((await (await t.login("sysadmin")).get(url(inReview.id))).statusCode).toBe(403);
    expect((await officer.get(url("no-such-application"))).statusCode).toBe(404);
  });
});
