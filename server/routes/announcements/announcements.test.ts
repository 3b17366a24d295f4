import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callNotices, publicNotices } from "../../db/schema";
import { createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart } from "../decisions/test-helpers";

const guidePdf = Buffer.from("%PDF-1.4\n% 2026年度申报指南 — call notice attachment test\n1 0 obj<<>>endobj\n%%EOF\n");
const notice = {
  titleZh: "关于组织申报2026年度湖北省国际科技合作基地的通知",
  bodyZh:
    "各市、州、直管市、神农架林区科技局，各有关单位：\n\n为做好2026年度省国合基地认定工作，现将有关事项通知如下。\n\n一、申报条件按《湖北省国际科技合作基地管理办法》执行。",
};

type Listed = { today: string; items: Array<{ kind: string; id: string; on: string; status?: string }> };

describe.each(databaseKinds())("通知公告: a call's notice published with attachments on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let unitUser: Agent;
  let callId: string;
  let draftCallId: string;
  const put = (agent: Agent, url: string, payload: object) => agent.request({ method: "PUT", url, payload });
  const upload = (agent: Agent, id: string, name: string, content: Buffer, type = "application/pdf") =>
    agent.request({ method: "POST", url: `/api/calls/${id}/notice/files`, ...multipart(name, content, type) });

  beforeAll(async () => {
    t = await startTestApp(kind);
    // Today is 2026-03-10 in China (the test clock).
    callId = await createCall(t.database.db, { year: 2026 });
    draftCallId = await createCall(t.database.db, { year: 2027, status: "draft", titleZh: "2027年度认定（草稿）" });
    officer = await t.login("officer");
    unitUser = await t.login("app.yichang");
  });
  afterAll(() => t.close());

  it("the officer writes, attaches and publishes; anonymous lists, reads and downloads it", async () => {
    const empty = await officer.get(`/api/calls/${callId}/notice`);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ version: 0, publishedOn: null, visible: false, attachments: [] });

    const saved = await put(officer, `/api/calls/${callId}/notice`, { ...notice, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, titleZh: notice.titleZh, bodyZh: notice.bodyZh });

    const attached = await upload(officer, callId, "2026年度申报指南.pdf", guidePdf);
    expect(attached.statusCode).toBe(201);
    const attachment = attached.json().attachments[0];
    expect(attachment).toMatchObject({
      name: "2026年度申报指南.pdf",
      size: guidePdf.length,
      mediaType: "application/pdf",
    });
    expect(attached.json().version).toBe(2);
    // Only PDF, Word and Excel: a text file is refused by its content.
    const refused = await upload(officer, callId, "readme.pdf", Buffer.from("plain text"), "application/pdf");
    expect(refused.statusCode).toBe(415);

    // Not yet published: invisible to anonymous callers, the attachment too.
    expect((await t.anonymous.get(`/api/public/announcements/${callId}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/public/announcements/${callId}/files/${attachment.id}`)).statusCode).toBe(404);
    const before = (await t.anonymous.get("/api/public/announcements")).json() as Listed;
    expect(before.items.some((item) => item.id === callId)).toBe(false);

    const stale = await officer.post(`/api/calls/${callId}/notice/publish`, { publishedOn: "2026-03-10", version: 1 });
    expect(stale.statusCode).toBe(409);
    const past = await officer.post(`/api/calls/${callId}/notice/publish`, { publishedOn: "2026-03-01", version: 2 });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors.map((error: { path: string }) => error.path)).toEqual(["publishedOn"]);
    const published = await officer.post(`/api/calls/${callId}/notice/publish`, {
      publishedOn: "2026-03-10",
      version: 2,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ publishedOn: "2026-03-10", visible: true, version: 3 });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "call-notice.publish"), eq(auditLog.targetId, callId), eq(auditLog.outcome, "success")),
      );
    expect(entry?.changes).toMatchObject({ publishedOn: { from: null, to: "2026-03-10" } });

    const list = await t.anonymous.get("/api/public/announcements");
    expect(list.statusCode).toBe(200);
    const listed = list.json() as Listed;
    expect(listed.items.find((item) => item.id === callId)).toMatchObject({
      kind: "call",
      on: "2026-03-10",
      attachmentCount: 1,
    });

    const detail = await t.anonymous.get(`/api/public/announcements/${callId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      title: notice.titleZh,
      bodyZh: notice.bodyZh,
      publishedOn: "2026-03-10",
      call: { year: 2026, kind: "annual", deadline: "2026-03-31" },
      attachments: [{ id: attachment.id, name: "2026年度申报指南.pdf" }],
    });
    // No storage detail and no digest reaches the public.
    expect(detail.body).not.toMatch(/[0-9a-f]{64}/);

    const download = await t.anonymous.get(`/api/public/announcements/${callId}/files/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(guidePdf)).toBe(true);
    // A file id that is not this notice's attachment is not served through it.
    expect((await t.anonymous.get(`/api/public/announcements/${callId}/files/${randomUUID()}`)).statusCode).toBe(404);
  });

  it("a notice scheduled for a later day and a withdrawn one are not found by anonymous callers", async () => {
    const other = await createCall(t.database.db, { year: 2026, titleZh: "定向征集（测试）", kind: "targeted" });
    const saved = await put(officer, `/api/calls/${other}/notice`, { ...notice, titleZh: "定向征集通知", version: 0 });
    expect(saved.statusCode).toBe(200);
    const scheduled = await officer.post(`/api/calls/${other}/notice/publish`, {
      publishedOn: "2026-03-20",
      version: 1,
    });
    expect(scheduled.json()).toMatchObject({ publishedOn: "2026-03-20", visible: false });
    expect((await t.anonymous.get(`/api/public/announcements/${other}`)).statusCode).toBe(404);

    const withdrawn = await officer.post(`/api/calls/${other}/notice/unpublish`, { version: 2 });
    expect(withdrawn.json()).toMatchObject({ publishedOn: null, visible: false });
    const [row] = await t.database.db.select().from(callNotices).where(eq(callNotices.callId, other));
    expect(row?.publishedOn).toBeNull();
    expect((await t.anonymous.get(`/api/public/announcements/${other}`)).statusCode).toBe(404);
  });

  it("refuses: a draft call's notice (409), an empty text (400), a unit user (403), anonymous (401), no call (404)", async () => {
    expect((await put(officer, `/api/calls/${draftCallId}/notice`, { ...notice, version: 0 })).statusCode).toBe(200);
    const draft = await officer.post(`/api/calls/${draftCallId}/notice/publish`, {
      publishedOn: "2026-03-10",
      version: 1,
    });
    expect(draft.statusCode).toBe(409);

    const blank = await put(officer, `/api/calls/${draftCallId}/notice`, { titleZh: " ", bodyZh: "", version: 1 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((error: { path: string }) => error.path)).toEqual(["titleZh"]);

    expect((await put(unitUser, `/api/calls/${callId}/notice`, { ...notice, version: 3 })).statusCode).toBe(403);
    const unitPublish = await unitUser.post(`/api/calls/${callId}/notice/publish`, {
      publishedOn: "2026-03-10",
      version: 3,
    });
    expect(unitPublish.statusCode).toBe(403);
    expect((await unitUser.post(`/api/calls/${callId}/notice/unpublish`, { version: 3 })).statusCode).toBe(403);
    expect((await unitUser.get(`/api/calls/${callId}/notice`)).statusCode).toBe(403);
    expect((await upload(unitUser, callId, "x.pdf", guidePdf)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/calls/${callId}/notice`)).statusCode).toBe(401);
    expect((await put(officer, `/api/calls/${randomUUID()}/notice`, { ...notice, version: 0 })).statusCode).toBe(404);
    // Nothing the refused callers sent was written.
    const [row] = await t.database.db.select().from(callNotices).where(eq(callNotices.callId, callId));
    expect(row).toMatchObject({ version: 3, titleZh: notice.titleZh });
  });

  it("lists the 公示 with the notices, an ended one kept as ended, newest first", async () => {
    const insert = async (startOn: string, endOn: string) => {
      const id = randomUUID();
      await t.database.db.insert(publicNotices).values({
        id,
        title: `拟认定名单公示 ${startOn}`,
        startOn,
        endOn,
        workingDays: 5,
        applicationIds: [],
        edition: "2025",
        createdAt: t.clock.now(),
      });
      return id;
    };
    const ended = await insert("2025-11-10", "2025-11-14");
    const running = await insert("2026-03-09", "2026-03-13");
    const future = await insert("2026-04-01", "2026-04-08");
    const listed = (await t.anonymous.get("/api/public/announcements")).json() as Listed;
    expect(listed.items.find((item) => item.id === ended)).toMatchObject({ kind: "publicity", status: "ended" });
    expect(listed.items.find((item) => item.id === running)).toMatchObject({ kind: "publicity", status: "running" });
    expect(listed.items.some((item) => item.id === future)).toBe(false);
    const dates = listed.items.map((item) => item.on);
    expect(dates).toEqual([...dates].sort().reverse());
    const notices = (await t.anonymous.get("/api/public/notices")).json() as { items: Array<{ id: string }> };
    expect(notices.items.map((item) => item.id)).toContain(ended);
  });
});
