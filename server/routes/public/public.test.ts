import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usccCheckDigit } from "../../../policy/uscc";
import { files, units } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

function multipart(name: string, content: Buffer, mediaType: string) {
  const boundary = "----guohe-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.each(databaseKinds())("self-registration of a host unit on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("checks the upload by content, not by name, and sanitizes the name", async () => {
    const disguised = await t.anonymous.request({
      method: "POST",
      url: "/api/public/files",
      ...multipart("授权书.pdf", Buffer.from("MZ this is an executable"), "application/pdf"),
    });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().code).toBe("wrong-file-type");
    const ok = await t.anonymous.request({
      method: "POST",
      url: "/api/public/files",
      ...multipart("../../etc/授权书<1>.pdf", pdf, "application/pdf"),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().name).toBe("授权书_1_.pdf");
    expect(ok.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, ok.json().id));
    expect(row?.mediaType).toBe("application/pdf");
  });

  it("registers a unit, pending until its recommender confirms; bad input names each field; duplicates refused", async () => {
    const letter = (
      await t.anonymous.request({
        method: "POST",
        url: "/api/public/files",
        ...multipart("letter.pdf", pdf, "application/pdf"),
      })
    ).json();
    const recommenders = (await t.anonymous.get("/api/public/recommenders")).json();
    const yichang = recommenders.find((r: { code: string }) => r.code === "420500");
    const first17 = "91420500MA4X1Y2Z3".replace("Z", "W");
    const input = {
      name: "宜昌测试光电有限公司",
      uscc: first17 + usccCheckDigit(first17),
      type: "enterprise",
      divisionCode: "420500",
      recommenderId: yichang.id,
      legalRepresentative: "甲某",
      contactName: "乙某",
      contactPhone: "13800001111",
      adminUsername: "ycgd.admin",
      adminDisplayName: "光电管理员",
      adminPassword: "Yc#Guangdian1",
      authorisationFileId: letter.id,
    };
    const bad = await t.anonymous.post("/api/public/unit-registrations", {
      ...input,
      adminPassword: "weak",
      uscc: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain("uscc");
    const weak = await t.anonymous.post("/api/public/unit-registrations", { ...input, adminPassword: "weakweak" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe("adminPassword");
    expect((await t.database.db.select().from(units).where(eq(units.name, input.name))).length).toBe(0);

    const created = await t.anonymous.post("/api/public/unit-registrations", input);
    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe("pending");
    const [row] = await t.database.db.select().from(units).where(eq(units.id, created.json().unitId));
    expect(row?.status).toBe("pending");
    expect(row?.recommenderId).toBe(yichang.id);
    expect(
      (await t.anonymous.post("/api/public/unit-registrations", { ...input, adminUsername: "other.admin" })).statusCode,
    ).toBe(409);

    await t.flushOutbox();
    const recommender = await t.login("rec.yichang");
    const inbox = (await recommender.get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(`新单位注册待确认：${input.name}`);
    const pending = (await recommender.get("/api/units?status=pending")).json();
    expect(pending.items.map((u: { name: string }) => u.name)).toContain(input.name);
    expect((await (await t.login("rec.wuhan")).get(`/api/units/${created.json().unitId}`)).statusCode).toBe(404);
  });

  it("accepts only a real Hubei division within the chosen recommender's territory (Art. 7.1, 17)", async () => {
    const letter = (
      await t.anonymous.request({
        method: "POST",
        url: "/api/public/files",
        ...multipart("letter.pdf", pdf, "application/pdf"),
      })
    ).json();
    const recommenders = (await t.anonymous.get("/api/public/recommenders")).json();
    const yichang = recommenders.find((r: { code: string }) => r.code === "420500");
    const first17 = "91420500MA4X1Y2Q8";
    const input = {
      name: "宜昌夷陵测试科技有限公司",
      uscc: first17 + usccCheckDigit(first17),
      type: "enterprise",
      divisionCode: "420506", // 夷陵区, under 宜昌
      recommenderId: yichang.id,
      legalRepresentative: "甲某",
      contactName: "乙某",
      contactPhone: "13800002222",
      adminUsername: "yiling.admin",
      adminDisplayName: "夷陵管理员",
      adminPassword: "Yl#Ceshi2026x",
      authorisationFileId: letter.id,
    };
    for (const [divisionCode, code] of [
      ["999999", "unknown-division"], // no such division
      ["420599", "unknown-division"], // 宜昌's prefix, no such county
      ["110101", "unknown-division"], // 北京市东城区: not Hubei
      ["420106", "division-outside-jurisdiction"], // 武昌区: Hubei, but 武汉's
    ] as const) {
      const refused = await t.anonymous.post("/api/public/unit-registrations", { ...input, divisionCode });
      expect(refused.statusCode, divisionCode).toBe(422);
      expect(refused.json().code).toBe(code);
      expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(["divisionCode"]);
      expect(refused.json().messageZh).toContain(divisionCode);
      expect(refused.json().messageEn).toContain(divisionCode);
    }
    expect((await t.database.db.select().from(units).where(eq(units.name, input.name))).length).toBe(0);

    const created = await t.anonymous.post("/api/public/unit-registrations", input);
    expect(created.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, created.json().unitId));
    expect(row).toMatchObject({ divisionCode: "420506", recommenderId: yichang.id, status: "pending" });
  });
});
