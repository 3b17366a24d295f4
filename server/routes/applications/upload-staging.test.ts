import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { files } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, multipart, openCall, tinyPdf, upload } from "./recognition.fixtures";

/**
 * Uploads are streamed to `<files>/.staging` (readUpload) and stored by a rename (FileStore.save): the bytes arrive
 * whole under their SHA-256, and whatever a request staged is gone once its response is over.
 */
describe.each(databaseKinds())("uploads staged on disk on %s", (kind) => {
  let t: TestApp;
  let applicant: Agent;
  let applicationId: string;
  const stagingDirectory = () => join(t.config.dataDir, "files", ".staging");
  const staged = () => (existsSync(stagingDirectory()) ? readdirSync(stagingDirectory()) : []);
  // Removed when the response closes, just after the reply is read: wait for it.
  const nothingStaged = () => vi.waitFor(() => expect(staged()).toEqual([]), { timeout: 2000 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const callId = (await openCall(t)).id;
    applicant = await t.login("app.wuhan-ent");
    const created = await applicant.post("/api/applications", { callId, form: await completeForm(t, "刘洋") });
    applicationId = created.json().id;
  });
  afterAll(() => t.close());

  it("stores a 20 MB PDF byte for byte under its SHA-256, and keeps nothing staged", async () => {
    const content = Buffer.concat([tinyPdf, randomBytes(20 * 1024 * 1024 - tinyPdf.length)]);
    const sha256 = createHash("sha256").update(content).digest("hex");
    const response = await upload(applicant, applicationId, "application-form-pdf", { name: "申报书.pdf", content });
    expect(response.statusCode).toBe(201);
    const attached = response.json().files.find((f: { slot: string }) => f.slot === "application-form-pdf");
    expect(attached).toMatchObject({ sha256, size: content.length, mediaType: "application/pdf" });
    const [row] = await t.database.db.select().from(files).where(eq(files.id, attached.fileId));
    expect(row?.storageKey).toBe(join(sha256.slice(0, 2), sha256));
    expect(readFileSync(join(t.config.dataDir, "files", row!.storageKey)).equals(content)).toBe(true);
    expect(existsSync(stagingDirectory())).toBe(true);
    await nothingStaged();

    // The same bytes again: one copy on disk, a row for each upload.
    const again = await upload(applicant, applicationId, "application-form-pdf", { name: "再传.pdf", content });
    expect(again.statusCode).toBe(201);
    expect(readdirSync(join(t.config.dataDir, "files", sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await t.database.db.select().from(files).where(eq(files.sha256, sha256))).toHaveLength(2);
    await nothingStaged();
  });

  it("leaves nothing staged when an upload is refused: wrong type, empty, invalid after the upload, too large, cut off", async () => {
    const wrongType = await upload(applicant, applicationId, "application-form-pdf", {
      name: "a.pdf",
      content: Buffer.from("MZ\x90\x00 an executable named .pdf"),
    });
    expect(wrongType.statusCode).toBe(415);
    const empty = await upload(applicant, applicationId, "application-form-pdf", {
      name: "a.pdf",
      content: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe("empty-file");
    // The slot is checked once the file is read: a 400 after the file was staged.
    const noSlot = await applicant.request({
      method: "POST",
      url: `/api/applications/${applicationId}/files`,
      ...multipart({}, { name: "x.pdf", content: tinyPdf, mediaType: "application/pdf" }),
    });
    expect(noSlot.statusCode).toBe(400);
    await nothingStaged();

    // A route with a 2 MB limit: the parser stops at the limit and the part written so far is removed.
    const officer = await t.login("officer");
    const holidays = (content: Buffer, cut = 0) => {
      const { payload, headers } = multipart({}, { name: "假日.csv", content, mediaType: "text/csv" });
      return officer.request({
        method: "POST",
        url: "/api/reference/holiday-years/import",
        payload: payload.subarray(0, payload.length - cut),
        headers,
        // Cut: the client goes away mid-file, the request closes without ever ending.
        ...(cut ? { simulate: { end: false, split: false, error: false, close: true } } : {}),
      });
    };
    const tooLarge = await holidays(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41));
    expect(tooLarge.statusCode).toBe(413);
    await nothingStaged();
    const cutOff = await holidays(Buffer.alloc(256 * 1024, 0x41), 128 * 1024);
    expect(cutOff.statusCode).toBe(400);
    expect(cutOff.json().code).toBe("upload-interrupted");
    await nothingStaged();
  });
});
