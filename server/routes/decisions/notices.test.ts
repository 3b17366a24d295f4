import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PiiCipher } from "../../crypto/sm";
import {
  applications,
  approvals,
  bases,
  holidayYears,
  objections,
  publicNotices,
  recognitionDocuments,
} from "../../db/schema";
import { testKeys } from "../../test/constants";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart, onePixelPng } from "./test-helpers";

const laser = "武汉光谷激光科技有限公司";
const yichang = "宜昌三峡新材料股份有限公司";
const institute = "武汉长江生物医药研究院";
const pii = new PiiCipher(testKeys.pii);

describe.each(databaseKinds())("approval, 公示, objections and recognition on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  let officer: Agent;
  const stateOf = async (id: string) =>
    (await t.database.db.select().from(applications).where(eq(applications.id, id)))[0]?.state;
  const candidate = (unitName: string, state: string, field: string) =>
    createApplication(t.database.db, {
      callId,
      unitName,
      state,
      field,
      form: {
        application: { countries: { key: ["DE"], main: ["FR", "IT"], radiating: ["PL"] } },
        director: { name: "刘洋" },
      },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = await createCall(t.database.db);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("records the Party group meeting and approves the listed applications, all or nothing", async () => {
    const first = await candidate(laser, "evaluated", "人工智能");
    const notYet = await candidate(yichang, "reviewed", "新材料");
    const body = { meetingDate: "2026-03-06", minuteRef: "厅党组会纪要〔2026〕3号", applicationIds: [first] };
    expect((await t.anonymous.post("/api/decisions/approvals", body)).statusCode).toBe(401);
    expect((await (await t.login("rec.wuhan")).post("/api/decisions/approvals", body)).statusCode).toBe(403);
    const bad = await officer.post("/api/decisions/approvals", { ...body, minuteRef: "", meetingDate: "2026-13-01" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["meetingDate", "minuteRef"]);
    expect((await officer.post("/api/decisions/approvals", { ...body, meetingDate: "2026-04-01" })).statusCode).toBe(
      400,
    );
    expect(
      (await officer.post("/api/decisions/approvals", { ...body, applicationIds: [randomUUID()] })).statusCode,
    ).toBe(404);
    const mixed = await officer.post("/api/decisions/approvals", { ...body, applicationIds: [first, notYet] });
    expect(mixed.statusCode).toBe(409);
    expect(await stateOf(first)).toBe("evaluated"); // rolled back with the refused one

    const done = await officer.post("/api/decisions/approvals", body);
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ meetingDate: "2026-03-06", minuteRef: "厅党组会纪要〔2026〕3号" });
    expect(await stateOf(first)).toBe("approved");
    const [row] = await t.database.db.select().from(approvals).where(eq(approvals.id, done.json().id));
    expect(row?.applicationIds).toEqual([first]);
  });

  it("publishes a 公示 of 5 working days with the start day counted, refusing a window in an unknown year", async () => {
    const id = await candidate(laser, "approved", "光电子信息");
    const practice = await officer.post("/api/decisions/notices", { startOn: "2023-11-08", applicationIds: [id] });
    expect(practice.statusCode).toBe(201);
    expect(practice.json()).toMatchObject({ startOn: "2023-11-08", endOn: "2023-11-14", workingDays: 5 });
    expect(await stateOf(id)).toBe("publicized");

    const late = await candidate(yichang, "approved", "高端装备");
    const refused = await officer.post("/api/decisions/notices", { startOn: "2026-12-28", applicationIds: [late] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "holiday-calendar-not-covered" });
    expect(refused.json().messageZh).toContain("2027 年的节假日安排尚未录入");
    expect(await stateOf(late)).toBe("approved");
    await t.database.db.insert(holidayYears).values({
      year: 2027,
      holidays: ["2027-01-01"],
      workdays: [],
      createdAt: t.clock.now(),
    });
    const entered = await officer.post("/api/decisions/notices", { startOn: "2026-12-28", applicationIds: [late] });
    expect(entered.statusCode).toBe(201);
    expect(entered.json().endOn).toBe("2027-01-04"); // 12-28 … 12-31, then 01-01 off, weekend, 01-04
    const [notice] = await t.database.db.select().from(publicNotices).where(eq(publicNotices.id, entered.json().id));
    expect(notice).toMatchObject({ startOn: "2026-12-28", endOn: "2027-01-04", applicationIds: [late] });
  });

  it("accepts only named, fact-based objections (a unit's with its seal) and recognizes once the notice is over and they are resolved", async () => {
    const id = await candidate(institute, "approved", "生物医药");
    const notice = (
      await officer.post("/api/decisions/notices", { startOn: "2026-03-09", applicationIds: [id] })
    ).json();
    expect(notice.endOn).toBe("2026-03-13");
    const url = `/api/decisions/notices/${notice.id}/objections`;
    const objection = {
      applicationId: id,
      objectorKind: "person",
      realName: "张三",
      contact: "13900001111",
      content: "合作协议已过期",
      facts: "附协议到期页复印件，协议于2025年底到期。",
    };
    const anonymous = await officer.post(url, { ...objection, realName: " ", contact: "" });
    expect(anonymous.statusCode).toBe(400);
    expect(
      anonymous
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["contact", "realName"]);
    const factless = await officer.post(url, { ...objection, facts: "" });
    expect(factless.statusCode).toBe(400);
    expect(factless.json().errors[0].path).toBe("facts");
    const unsealed = await officer.post(url, { ...objection, objectorKind: "unit", unitName: "某研究所" });
    expect(unsealed.statusCode).toBe(400);
    expect(unsealed.json().errors[0].path).toBe("sealFileId");
    expect((await officer.post(url, { ...objection, receivedOn: "2026-03-06" })).statusCode).toBe(422);
    expect((await officer.post(`/api/decisions/notices/${randomUUID()}/objections`, objection)).statusCode).toBe(404);
    expect((await (await t.login("rec.wuhan")).post(url, objection)).statusCode).toBe(403);

    const seal = await officer.request({
      method: "POST",
      url: "/api/decisions/files",
      ...multipart("异议书（盖章）.png", onePixelPng, "image/png"),
    });
    const received = await officer.post(url, {
      ...objection,
      objectorKind: "unit",
      unitName: "某研究所",
      sealFileId: seal.json().id,
    });
    expect(received.statusCode).toBe(201);
    expect(received.json()).toMatchObject({
      status: "received",
      objectorKind: "unit",
      unitName: "某研究所",
      contact: "13900001111",
    });
    const objectionId = received.json().id;
    // Entered from paper too, the contact is stored sealed; the officer reads it back decrypted.
    const [stored] = await t.database.db.select().from(objections).where(eq(objections.id, objectionId));
    expect(stored?.legacyContact).toBeNull();
    expect(pii.decrypt(stored!.contactSealed!)).toBe("13900001111");
    expect((await officer.get(`/api/decisions/objections/${objectionId}/seal`)).statusCode).toBe(200);

    // Recognition waits for the end of the 公示 (today is 2026-03-10) …
    const recognition = {
      prefix: "鄂科技函",
      issuedOn: "2026-03-16",
      applicationIds: [id],
    };
    const running = await officer.post("/api/decisions/recognitions", { ...recognition, issuedOn: "2026-03-10" });
    expect(running.statusCode).toBe(422);
    t.clock.set("2026-03-16T02:00:00Z");
    officer = await t.login("officer");
    // … and for the objection to be resolved.
    const open = await officer.post("/api/decisions/recognitions", recognition);
    expect(open.statusCode).toBe(422);
    expect(open.json().code).toBe("objections-unresolved");

    expect(
      (
        await officer.post(`/api/decisions/objections/${objectionId}/resolve`, {
          outcome: "dismissed",
          resolution: "x",
        })
      ).statusCode,
    ).toBe(409);
    expect((await officer.post(`/api/decisions/objections/${objectionId}/investigate`, { notes: "" })).statusCode).toBe(
      400,
    );
    const investigating = await officer.post(`/api/decisions/objections/${objectionId}/investigate`, {
      notes: "向依托单位调取续签协议。",
    });
    expect(investigating.json().status).toBe("investigating");
    const dismissed = await officer.post(`/api/decisions/objections/${objectionId}/resolve`, {
      outcome: "dismissed",
      resolution: "协议已于2025年12月续签至2030年，异议不成立。",
    });
    expect(dismissed.json()).toMatchObject({ status: "dismissed", investigationNotes: "向依托单位调取续签协议。" });

    const free = (await officer.get("/api/decisions/recognitions/next-number?prefix=鄂科技函&year=2026")).json().number;
    const issued = await officer.post("/api/decisions/recognitions", recognition);
    expect(issued.statusCode).toBe(201);
    const documentNumber = `鄂科技函〔2026〕${free}号`;
    expect(issued.json()).toMatchObject({ documentNumber, year: 2026, number: free });
    expect(await stateOf(id)).toBe("recognized");
    const [base] = await t.database.db.select().from(bases).where(eq(bases.applicationId, id));
    expect(base).toMatchObject({
      standardName: "湖北省生物医药国际科技合作基地（联合研究）",
      type: "joint-research",
      field: "生物医药",
      directorName: "刘洋",
      countries: { key: ["DE"], main: ["FR", "IT"], radiating: ["PL"] },
      recognizedOn: "2026-03-16",
      documentNumber,
      origin: "provincial-2025",
      status: "active",
    });
    const next = (await officer.get("/api/decisions/recognitions/next-number?prefix=鄂科技函&year=2026")).json();
    expect(next).toEqual({ number: free + 1, documentNumber: `鄂科技函〔2026〕${free + 1}号` });

    const docx = await officer.get(`/api/decisions/recognitions/${issued.json().id}/notice/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const pdf = await officer.get(`/api/decisions/recognitions/${issued.json().id}/notice/pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await officer.get(`/api/decisions/recognitions/${randomUUID()}/notice/pdf`)).statusCode).toBe(404);

    await t.flushOutbox();
    const inbox = (await (await t.login("rec.wuhan")).get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      `已发文认定（${documentNumber}）：湖北省生物医药国际科技合作基地（联合研究）`,
    );
  });

  it("refuses a document number already used (409) and an application with an upheld objection, which is then rejected", async () => {
    const first = await candidate(laser, "publicized", "新型能源");
    const second = await candidate(yichang, "publicized", "新型能源");
    const [notice] = await t.database.db
      .insert(publicNotices)
      .values({
        id: randomUUID(),
        title: "拟认定名单公示",
        startOn: "2026-03-09",
        endOn: "2026-03-13",
        workingDays: 5,
        edition: "2025",
        applicationIds: [first, second],
        createdAt: t.clock.now(),
      })
      .returning();
    const used =
      (await officer.get("/api/decisions/recognitions/next-number?prefix=鄂科技函&year=2026")).json().number - 1;
    const taken = await officer.post("/api/decisions/recognitions", {
      prefix: "鄂科技函",
      number: used,
      issuedOn: "2026-03-16",
      applicationIds: [first],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "document-number-taken" });
    expect(await stateOf(first)).toBe("publicized");

    await t.database.db.insert(objections).values({
      id: randomUUID(),
      noticeId: notice!.id,
      applicationId: second,
      objectorKind: "person",
      realName: "李四",
      contactSealed: pii.encrypt("027-1234567"),
      content: "负责人同时负责另一基地",
      facts: "见名录",
      receivedOn: "2026-03-10",
      status: "upheld",
      resolution: "经核实成立",
      createdAt: t.clock.now(),
    });
    const upheld = await officer.post("/api/decisions/recognitions", {
      prefix: "鄂科技函",
      issuedOn: "2026-03-16",
      applicationIds: [first, second],
    });
    expect(upheld.statusCode).toBe(422);
    expect(upheld.json().code).toBe("objection-upheld");
    expect(await stateOf(first)).toBe("publicized");
    expect(
      await t.database.db
        .select()
        .from(bases)
        .where(inArray(bases.applicationId, [first, second])),
    ).toEqual([]);
    expect(
      await t.database.db
        .select()
        .from(recognitionDocuments)
        .where(eq(recognitionDocuments.number, used + 1)),
    ).toEqual([]);

    const rejected = await officer.post(`/api/decisions/applications/${second}/reject`, {
      reason: "异议成立：负责人已负责其他基地",
    });
    expect(rejected.statusCode).toBe(200);
    expect(await stateOf(second)).toBe("rejected");
    const issued = await officer.post("/api/decisions/recognitions", {
      prefix: "鄂科技函",
      issuedOn: "2026-03-16",
      applicationIds: [first],
    });
    expect(issued.json().documentNumber).toBe(`鄂科技函〔2026〕${used + 1}号`);
    const listed = (await officer.get(`/api/decisions/notices/${notice!.id}`)).json();
    expect(listed.over).toBe(true);
    expect(listed.applications.map((a: { state: string }) => a.state).sort()).toEqual(["recognized", "rejected"]);
  });
});
