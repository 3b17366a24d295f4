import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicNotices } from "../../db/schema";
import { anonymousWriteLimits } from "../../http/anonymous-write-limits";
import { createApplication, createCall } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { multipart, onePixelPng } from "../decisions/test-helpers";

/** The 429 in the one error shape, as every refusal of the API; the window is the hour, not a minute. */
const expectRateLimited = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(429);
  expect(response.json()).toEqual({
    code: "rate-limited",
    messageZh: expect.stringMatching(/\S/),
    messageEn: expect.stringMatching(/\S/),
  });
  expect(Number(response.headers["retry-after"])).toBeGreaterThan(59 * 60);
};

describe.each(databaseKinds())("per-IP caps on anonymous writes on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("answers 429 to the 21st anonymous upload from one IP within the hour", async () => {
    expect(anonymousWriteLimits.uploads).toEqual({ max: 20, timeWindow: "1 hour" });
    const upload = (remoteAddress: string) =>
      t.anonymous.request({
        method: "POST",
        url: "/api/public/files",
        remoteAddress,
        ...multipart("授权书.png", onePixelPng, "image/png"),
      });
    for (let sent = 0; sent < anonymousWriteLimits.uploads.max; sent++) {
      expect((await upload("10.20.0.1")).statusCode).toBe(201);
    }
    expectRateLimited(await upload("10.20.0.1"));
    // Counted per address: another visitor still uploads.
    expect((await upload("10.20.0.2")).statusCode).toBe(201);
  });

  it("answers 429 to the 6th online objection from one IP within the hour", async () => {
    expect(anonymousWriteLimits.objections).toEqual({ max: 5, timeWindow: "1 hour" });
    const callId = await createCall(t.database.db);
    const applicationId = await createApplication(t.database.db, {
      callId,
      unitName: "武汉长江生物医药研究院",
      state: "publicized",
    });
    const noticeId = randomUUID();
    await t.database.db.insert(publicNotices).values({
      id: noticeId,
      title: "拟认定名单公示（测试）",
      startOn: "2026-03-09",
      endOn: "2026-03-13",
      workingDays: 5,
      edition: "2025",
      applicationIds: [applicationId],
      createdAt: t.clock.now(),
    });
    const object = (remoteAddress: string) =>
      t.anonymous.request({
        method: "POST",
        url: `/api/public/notices/${noticeId}/objections`,
        remoteAddress,
        payload: {
          applicationId,
          objectorKind: "person",
          realName: "张三",
          contact: "13900001111",
          content: "合作协议已过期",
          facts: "附协议到期页复印件，协议于2025年底到期，未见续签。",
        },
      });
    for (let sent = 0; sent < anonymousWriteLimits.objections.max; sent++) {
      expect((await object("10.21.0.1")).statusCode).toBe(201);
    }
    expectRateLimited(await object("10.21.0.1"));
    expect((await object("10.21.0.2")).statusCode).toBe(201);
  });
});
