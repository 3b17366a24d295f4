import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PiiCipher } from "../crypto/sm";
import { auditLog, files, objections, publicNotices } from "../db/schema";
import { multipart, onePixelPng } from "../routes/decisions/test-helpers";
import { FileStore } from "../storage/files";
import { testKeys } from "../test/constants";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { systemActor } from "./command";
import { anonymousUploadRetentionHours, purgeAnonymousUploads } from "./purge-anonymous-uploads";

describe.each(databaseKinds())("purging anonymous uploads nothing refers to on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let store: FileStore;
  let sent = 0;
  /** A PNG whose bytes (hence storage key) are its own unless `content` is shared on purpose. */
  const png = (tag: string) => Buffer.concat([onePixelPng, Buffer.from(tag)]);
  const upload = async (agent: Agent, content: Buffer, url = "/api/public/files") => {
    sent += 1;
    const response = await agent.request({
      method: "POST",
      url,
      remoteAddress: `10.9.0.${sent}`,
      ...multipart("异议书.png", content, "image/png"),
    });
    expect(response.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, response.json().id));
    return row!;
  };
  const bytesOf = (file: { storageKey: string }) => join(t.config.dataDir, "files", file.storageKey);
  const rowsOf = async (ids: string[]) =>
    (await t.database.db.select({ id: files.id }).from(files).where(inArray(files.id, ids))).map((row) => row.id);
  const purge = () => purgeAnonymousUploads({ deps: { ...t, keys: t.config.keys }, actor: systemActor }, store);

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    store = new FileStore(join(t.config.dataDir, "files"));
  });
  afterAll(() => t.close());

  it("deletes an old unattached upload, row and bytes; keeps attached, fresh and signed-in ones", async () => {
    const stale = await upload(t.anonymous, png("stale"));
    const attached = await upload(t.anonymous, png("attached"));
    const shared = await upload(t.anonymous, png("shared"));
    const officers = await upload(officer, png("officer's"), "/api/decisions/files");
    const noticeId = randomUUID();
    await t.database.db.insert(publicNotices).values({
      id: noticeId,
      title: "拟认定名单公示（测试）",
      startOn: "2026-03-09",
      endOn: "2026-03-13",
      workingDays: 5,
      edition: "2025",
      applicationIds: [],
      createdAt: t.clock.now(),
    });
    await t.database.db.insert(objections).values({
      id: randomUUID(),
      noticeId,
      applicationId: randomUUID(),
      objectorKind: "unit",
      realName: "王五",
      unitName: "某研究所",
      contactSealed: new PiiCipher(testKeys.pii).encrypt("wang@example.cn"),
      sealFileId: attached.id,
      content: "异议",
      facts: "见盖章异议书",
      receivedOn: "2026-03-10",
      status: "received",
      createdAt: t.clock.now(),
    });

    t.clock.advance((anonymousUploadRetentionHours - 1) * 3_600_000);
    expect(await purge()).toBe(0);
    expect(existsSync(bytesOf(stale))).toBe(true);

    t.clock.advance(2 * 3_600_000);
    // The same content uploaded again now: a fresh row sharing the stale one's bytes.
    const fresh = await upload(t.anonymous, png("shared"));
    expect(fresh.storageKey).toBe(shared.storageKey);
    expect(await purge()).toBeGreaterThanOrEqual(2);

    const ids = [stale.id, attached.id, shared.id, officers.id, fresh.id];
    expect((await rowsOf(ids)).sort()).toEqual([attached.id, officers.id, fresh.id].sort());
    expect(existsSync(bytesOf(stale))).toBe(false);
    expect(existsSync(bytesOf(attached))).toBe(true);
    expect(existsSync(bytesOf(fresh))).toBe(true);
    expect(existsSync(bytesOf(officers))).toBe(true);
    expect((await store.open(t.database.db, fresh.id))?.content.equals(png("shared"))).toBe(true);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "file.purge-anonymous"), eq(auditLog.outcome, "success")))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry?.changes).toMatchObject({
      files: expect.arrayContaining([
        expect.objectContaining({ id: stale.id, sha256: stale.sha256 }),
        expect.objectContaining({ id: shared.id }),
      ]),
    });
    expect(JSON.stringify(entry?.changes)).not.toContain(attached.id);

    // Nothing left to purge: a second run deletes nothing and audits nothing.
    const entries = (await t.database.db.select().from(auditLog)).length;
    expect(await purge()).toBe(0);
    expect((await t.database.db.select().from(auditLog)).length).toBe(entries);
  });
});
