import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { S3ByteStore } from "../../storage/s3-store";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { startS3Server, type TestS3Server } from "../../test/s3-server";
import { completeForm, openCall, tinyPdf, upload } from "./recognition.fixtures";

/**
 * With S3_BUCKET set, an upload is staged on local disk as before and stored in the bucket (s3rver here): nothing of
 * it stays in DATA_DIR/files, and the download reads it back from the bucket.
 */
describe.each(databaseKinds())("uploads stored in an S3 bucket on %s", (kind) => {
  let s3: TestS3Server;
  let bucket: S3ByteStore;
  let t: TestApp;
  let applicant: Agent;
  let applicationId: string;

  beforeAll(async () => {
    s3 = await startS3Server(["guohe-uploads"]);
    bucket = new S3ByteStore(s3.settings("guohe-uploads"));
    t = await startTestApp(kind, s3.environment("guohe-uploads"));
    const callId = (await openCall(t)).id;
    applicant = await t.login("app.wuhan-ent");
    const created = await applicant.post("/api/applications", { callId, form: await completeForm(t, "刘洋") });
    applicationId = created.json().id;
  });
  afterAll(async () => {
    await t?.close();
    await bucket?.close();
    await s3?.close();
  });

  it("stores an upload in the bucket under its SHA-256, keeps nothing local, and downloads it from there", async () => {
    const content = Buffer.concat([tinyPdf, randomBytes(2 * 1024 * 1024)]);
    const sha256 = createHash("sha256").update(content).digest("hex");
    const response = await upload(applicant, applicationId, "application-form-pdf", { name: "申报书.pdf", content });
    expect(response.statusCode).toBe(201);
    const attached = response.json().files.find((f: { slot: string }) => f.slot === "application-form-pdf");
    expect(attached).toMatchObject({ sha256, size: content.length });
    expect((await bucket.read(join(sha256.slice(0, 2), sha256))).equals(content)).toBe(true);
    const local = join(t.config.dataDir, "files");
    expect(existsSync(join(local, sha256.slice(0, 2)))).toBe(false);
    await vi.waitFor(() => expect(readdirSync(join(local, ".staging"))).toEqual([]), { timeout: 2000 });

    const download = await applicant.get(`/api/applications/${applicationId}/files/${attached.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
  });
});
