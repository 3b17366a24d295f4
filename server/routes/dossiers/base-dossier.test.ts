import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, annualReports, auditLog, bases, units, yearlyFiles } from "../../db/schema";
import { FileStore } from "../../storage/files";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { pdfText } from "../applications/recognition.fixtures";
import { downloadDossier, expectManifestMatches, sm3, type UnpackedDossier } from "./dossier.fixtures";

const pdfOf = (dossier: UnpackedDossier, path: string) => {
  const bytes = dossier.files.get(path);
  expect(bytes, `${path} in ${[...dossier.files.keys()].join(", ")}`).toBeDefined();
  return pdfText(bytes!);
};

/** A PDF of its own, so the evidence bytes in the dossier can only be this upload's. */
const evidencePdf = Buffer.from("%PDF-1.4\n% 2024年度国际合作协议扫描件 — dossier test\n1 0 obj<<>>endobj\n%%EOF\n");

describe.each(databaseKinds())("a base's dossier on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  const url = (id: string) => `/api/bases/${id}/dossier.zip`;
  const baseOf = async (unitName: string, field: string) => {
    const [row] = await t.database.db
      .select({ id: bases.id })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(and(eq(units.name, unitName), eq(bases.field, field)));
    return row!.id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("holds the registry record, grades, rectification, each annual report as printed and its evidence", async () => {
    const baseId = await baseOf("华中科技大学", "光电子信息");
    const [report] = await t.database.db
      .select()
      .from(annualReports)
      .where(and(eq(annualReports.baseId, baseId), eq(annualReports.year, 2024)));
    expect(report?.submittedAt).not.toBeNull();
    // One evidence file of the 2024 report, stored as the evidence upload stores it.
    const store = new FileStore(join(t.config.dataDir, "files"));
    await t.database.transaction(async (tx) => {
      const stored = await store.save(
        tx,
        t.clock,
        { name: "合作协议扫描件.pdf", content: evidencePdf, uploadedBy: null },
        ["pdf"],
      );
      await tx.insert(yearlyFiles).values({
        id: randomUUID(),
        subjectKind: "annual-report",
        subjectId: report!.id,
        slot: "agreements",
        fileId: stored.id,
        createdAt: t.clock.now(),
      });
    });

    const hust = await t.login("app.hust");
    const dossier = await downloadDossier(hust, url(baseId));
    expectManifestMatches(dossier);
    const evidence = dossier.manifest.files.find(
      (file) => file.path === "02-年度工作报告/2024年度佐证材料/合作协议扫描件.pdf",
    );
    expect(evidence).toMatchObject({ kind: "uploaded", size: evidencePdf.length, sm3: sm3(evidencePdf) });

    const record = pdfOf(dossier, "01-登记与认定/基地登记与管理记录.pdf");
    expect(record).toContain("华中科技大学");
    expect(record).toContain("不合格");
    expect(record).toContain("整改");
    expect(record).not.toMatch(/rectifying|unqualified|joint-research/);
    expect(pdfOf(dossier, "06-基地动态/基地动态.pdf")).toContain("华中科技大学");

    const printed = dossier.manifest.files.find((file) => file.path === "02-年度工作报告/2024年度工作报告.pdf");
    expect(printed?.kind).toBe("generated");
    expect(pdfOf(dossier, printed!.path)).toContain(printed!.verificationCode!);
    const check = await t.anonymous.get(`/api/public/verify/${printed!.verificationCode}`);
    expect(check.statusCode).toBe(200);
    expect(check.json().kind).toBe("annual-report");
    const manifestCheck = await t.anonymous.get(`/api/public/verify/${dossier.manifest.verificationCode}`);
    expect(manifestCheck.json()).toMatchObject({ kind: "dossier-manifest", issuer: "华中科技大学" });

    const [audited] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.download"), eq(auditLog.targetId, baseId)));
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, "app.hust"));
    expect(audited).toMatchObject({ targetType: "base", outcome: "success", actorId: account!.id });
    expect(audited!.changes).toMatchObject({
      files: dossier.manifest.files.length,
      manifestCode: dossier.manifest.verificationCode,
    });
  });

  it("holds a revoked base's revocation notice and a recognized base's recognition notice, codes resolving", async () => {
    const revoked = await downloadDossier(officer, url(await baseOf("鄂州葛店光电材料有限公司", "高端芯片")));
    expectManifestMatches(revoked);
    const notice = revoked.manifest.files.find((file) => file.path === "05-取消资格/取消资格通知.pdf");
    expect(pdfOf(revoked, notice!.path)).toContain("鄂州葛店光电材料有限公司");
    expect((await t.anonymous.get(`/api/public/verify/${notice!.verificationCode}`)).json().kind).toBe(
      "revocation-notice",
    );
    expect(pdfOf(revoked, "01-登记与认定/基地登记与管理记录.pdf")).toContain("第二十条");

    const recognized = await downloadDossier(officer, url(await baseOf("孝感量子光电科技有限公司", "量子与光子科技")));
    expectManifestMatches(recognized);
    const recognition = recognized.manifest.files.find((file) => file.path === "01-登记与认定/认定通知.pdf");
    expect(pdfOf(recognized, recognition!.path)).toContain("孝感量子光电科技有限公司");
    expect((await t.anonymous.get(`/api/public/verify/${recognition!.verificationCode}`)).json().kind).toBe(
      "recognition-notice",
    );
  });

  it("refuses anonymous callers, another unit, another jurisdiction and an evaluator", async () => {
    const baseId = await baseOf("华中科技大学", "光电子信息");
    expect((await t.anonymous.get(url(baseId))).statusCode).toBe(401);
    for (const username of ["app.yichang", "rec.yichang", "evaluator"]) {
      const response = await (await t.login(username)).get(url(baseId));
      expect(response.statusCode, username).toBe(404);
      expect(response.json().code).toBe("not-found");
    }
    expect((await (await t.login("expert")).get(url(baseId))).statusCode).toBe(403);
    expect((await officer.get(url("no-such-base"))).statusCode).toBe(404);
  });
});
