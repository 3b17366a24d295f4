import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PiiCipher } from "../../crypto/sm";
import { auditLog, objections, publicNotices } from "../../db/schema";
import { testKeys } from "../../test/constants";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart, onePixelPng } from "../decisions/test-helpers";

const institute = "武汉长江生物医药研究院";
const laser = "武汉光谷激光科技有限公司";
const paths = (response: { json(): { errors?: Array<{ path: string }> } }) =>
  (response.json().errors ?? []).map((error) => error.path).sort();

type Listed = {
  today: string;
  items: Array<{
    id: string;
    status: string;
    endOn: string;
    candidates: Array<{ applicationId: string; standardName: string; acceptsObjections: boolean }>;
  }>;
};

describe.each(databaseKinds())("the public 公示 and online objections on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let callId: string;
  let noticeId: string;
  let onNotice: string;
  let elsewhere: string;
  const url = () => `/api/public/notices/${noticeId}/objections`;
  /** A visitor at its own address: each test stays within the per-IP cap on online objections. */
  const visitor = (remoteAddress: string) => ({
    post: (target: string, payload: object) =>
      t.anonymous.request({ method: "POST", url: target, payload, remoteAddress }),
    request: (options: InjectOptions) => t.anonymous.request({ ...options, remoteAddress }),
  });
  const person = () => ({
    applicationId: onNotice,
    objectorKind: "person",
    realName: "张三",
    contact: "13900001111",
    content: "合作协议已过期",
    facts: "附协议到期页复印件，协议于2025年底到期，未见续签。",
  });
  const insertNotice = async (values: { startOn: string; endOn: string; applicationIds: string[] }) => {
    const id = randomUUID();
    await t.database.db.insert(publicNotices).values({
      id,
      title: "拟认定名单公示（测试）",
      workingDays: 5,
      edition: "2025",
      createdAt: t.clock.now(),
      ...values,
    });
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = await createCall(t.database.db);
    officer = await t.login("officer");
    // Today is 2026-03-10 in China: a notice from 03-09 runs to 03-13 (5 working days, the start day counting).
    onNotice = await createApplication(t.database.db, {
      callId,
      unitName: institute,
      state: "approved",
      field: "生物医药",
      form: { director: { name: "刘洋" } },
    });
    elsewhere = await createApplication(t.database.db, {
      callId,
      unitName: laser,
      state: "approved",
      field: "高端装备",
    });
    const published = await officer.post("/api/decisions/notices", {
      startOn: "2026-03-09",
      applicationIds: [onNotice],
    });
    expect(published.statusCode).toBe(201);
    noticeId = published.json().id;
    expect(published.json().endOn).toBe("2026-03-13");
  });
  afterAll(() => t.close());

  it("accepts a named person's objection as `received`, audited, in the officer's list and inbox as lodged online", async () => {
    const lodged = await visitor("10.30.0.1").post(url(), person());
    expect(lodged.statusCode).toBe(201);
    const receipt = lodged.json();
    expect(receipt).toMatchObject({
      receivedOn: "2026-03-10",
      status: "received",
      standardName: "湖北省生物医药国际科技合作基地（联合研究）",
      reference: receipt.id.replaceAll("-", "").slice(0, 8).toUpperCase(),
    });

    const [row] = await t.database.db.select().from(objections).where(eq(objections.id, receipt.id));
    expect(row).toMatchObject({
      noticeId,
      applicationId: onNotice,
      realName: "张三",
      legacyContact: null,
      status: "received",
      receivedOn: "2026-03-10",
      receivedBy: null,
    });
    // The contact is sealed at rest (SM4 + HMAC-SM3), readable only with the personal-data key.
    expect(row?.contactSealed?.includes("13900001111")).toBe(false);
    expect(new PiiCipher(testKeys.pii).decrypt(row!.contactSealed!)).toBe("13900001111");
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "objection.receive"), eq(auditLog.targetId, receipt.id)));
    expect(entry).toMatchObject({ outcome: "success", actorId: null });
    expect(entry?.changes).toMatchObject({ channel: "online", realName: "张三" });
    expect(JSON.stringify(entry)).not.toContain("13900001111");

    const notice = (await officer.get(`/api/decisions/notices/${noticeId}`)).json();
    expect(notice.objections).toEqual([
      expect.objectContaining({
        id: receipt.id,
        channel: "online",
        status: "received",
        realName: "张三",
        contact: "13900001111",
      }),
    ]);

    await t.flushOutbox();
    const inbox = (await officer.get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(`收到网上异议（${notice.title}）`);
  });

  it("refuses anonymous, contact-less and unsealed objections with 422 naming the fields", async () => {
    const from = visitor("10.30.0.2");
    const anonymous = await from.post(url(), { ...person(), realName: " ", contact: "" });
    expect(anonymous.statusCode).toBe(422);
    expect(anonymous.json()).toMatchObject({ code: "objection-not-accepted" });
    expect(paths(anonymous)).toEqual(["contact", "realName"]);
    expect(anonymous.json().errors[0].messageZh).toMatch(/匿名|联系/);
    expect(anonymous.json().errors[0].messageEn).toBeTruthy();

    const badContact = await from.post(url(), { ...person(), contact: "微信 abc", facts: "太短" });
    expect(badContact.statusCode).toBe(422);
    expect(paths(badContact)).toEqual(["contact", "facts"]);

    const unit = { ...person(), objectorKind: "unit", unitName: "某研究所" };
    const unsealed = await from.post(url(), unit);
    expect(unsealed.statusCode).toBe(422);
    expect(paths(unsealed)).toEqual(["sealFileId"]);

    // Only a file uploaded through the public upload will do, never one of the platform's own files.
    const internal = await officer.request({
      method: "POST",
      url: "/api/decisions/files",
      ...multipart("内部文件.png", onePixelPng, "image/png"),
    });
    const borrowed = await from.post(url(), { ...unit, sealFileId: internal.json().id });
    expect(borrowed.statusCode).toBe(422);
    expect(paths(borrowed)).toEqual(["sealFileId"]);

    const seal = await from.request({
      method: "POST",
      url: "/api/public/files",
      ...multipart("异议书（盖章）.png", onePixelPng, "image/png"),
    });
    expect(seal.statusCode).toBe(201);
    const sealed = await from.post(url(), { ...unit, contact: "wang@example.cn", sealFileId: seal.json().id });
    expect(sealed.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(objections).where(eq(objections.id, sealed.json().id));
    expect(row).toMatchObject({ objectorKind: "unit", unitName: "某研究所", sealFileId: seal.json().id });
    expect((await officer.get(`/api/decisions/objections/${sealed.json().id}/seal`)).statusCode).toBe(200);
  });

  it("refuses a notice that has ended or not started (409), an application not on it (422) and an unknown notice (404)", async () => {
    const from = visitor("10.30.0.3");
    const before = (await t.database.db.select().from(objections)).length;
    const publicized = await createApplication(t.database.db, { callId, unitName: laser, state: "publicized" });
    const ended = await insertNotice({ startOn: "2026-02-27", endOn: "2026-03-05", applicationIds: [publicized] });
    const late = await from.post(`/api/public/notices/${ended}/objections`, {
      ...person(),
      applicationId: publicized,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "notice-ended", article: "14.3" });
    expect(late.json().messageZh).toContain("2026-03-05");

    const future = await insertNotice({ startOn: "2026-03-16", endOn: "2026-03-20", applicationIds: [publicized] });
    const early = await from.post(`/api/public/notices/${future}/objections`, {
      ...person(),
      applicationId: publicized,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("notice-not-started");

    const stranger = await from.post(url(), { ...person(), applicationId: elsewhere });
    expect(stranger.statusCode).toBe(422);
    expect(paths(stranger)).toEqual(["applicationId"]);

    expect((await from.post(`/api/public/notices/${randomUUID()}/objections`, person())).statusCode).toBe(404);
    expect((await t.database.db.select().from(objections)).length).toBe(before);
    const refused = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "objection.receive"), eq(auditLog.outcome, "refused")));
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  it("lists running and ended notices (the archive stays) with their candidates only, never personal data", async () => {
    const old = await insertNotice({ startOn: "2026-01-05", endOn: "2026-01-09", applicationIds: [elsewhere] });
    const future = await insertNotice({ startOn: "2026-04-01", endOn: "2026-04-08", applicationIds: [elsewhere] });
    const recent = await insertNotice({ startOn: "2026-03-02", endOn: "2026-03-06", applicationIds: [elsewhere] });
    const response = await t.anonymous.get("/api/public/notices");
    expect(response.statusCode).toBe(200);
    const body = response.json() as Listed;
    expect(body.today).toBe("2026-03-10");
    const ids = body.items.map((item) => item.id);
    expect(ids).toContain(noticeId);
    expect(ids).toContain(recent);
    // A 公示 ended two months ago stays listed as ended; one not yet started is not shown.
    expect(ids).toContain(old);
    expect(ids).not.toContain(future);
    expect(body.items.find((item) => item.id === old)).toMatchObject({
      status: "ended",
      startOn: "2026-01-05",
      endOn: "2026-01-09",
    });
    const running = body.items.find((item) => item.id === noticeId)!;
    expect(running).toMatchObject({ status: "running", startOn: "2026-03-09", endOn: "2026-03-13", workingDays: 5 });
    expect(running.candidates).toEqual([
      {
        applicationId: onNotice,
        standardName: "湖北省生物医药国际科技合作基地（联合研究）",
        unitName: institute,
        type: "joint-research",
        typeZh: "联合研究类",
        typeEn: "Joint research",
        field: "生物医药",
        acceptsObjections: true,
      },
    ]);
    expect(body.items.find((item) => item.id === recent)).toMatchObject({ status: "ended" });
    expect(body.items.every((item) => item.status === "running" || item.endOn < body.today)).toBe(true);
    const documented = (await officer.get("/api/docs/json")).json().paths;
    expect(documented).toHaveProperty(["/api/public/notices/{id}/objections", "post"]);
    // Neither the objectors nor the directors: only what a printed 公示 carries.
    for (const personal of ["张三", "13900001111", "wang@example.cn", "刘洋", "合作协议已过期", "某研究所"]) {
      expect(response.body).not.toContain(personal);
    }
  });
});
