import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../commands/command";
import { PiiCipher } from "../crypto/sm";
import { auditLog, objections, publicNotices } from "../db/schema";
import { testKeys } from "../test/constants";
import { createApplication, createCall } from "../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { sealObjectionContacts } from "./seal-objection-contacts";

describe.each(databaseKinds())(
  "sealing objectors' contacts stored in plaintext before migration 0013 on %s",
  (kind) => {
    let t: TestApp;
    let officer: Agent;
    const pii = new PiiCipher(testKeys.pii);
    const seal = () => sealObjectionContacts({ deps: { ...t, keys: t.config.keys }, actor: systemActor });

    beforeAll(async () => {
      t = await startTestApp(kind);
      officer = await t.login("officer");
    });
    afterAll(() => t.close());

    it("seals every plaintext contact and clears it, once; officers still read the contact", async () => {
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
      // Rows as a server before 0013 wrote them: the contact in the `contact` text column, nothing sealed.
      const legacy = [
        { id: randomUUID(), realName: "张三", contact: "13900001111" },
        { id: randomUUID(), realName: "李四", contact: "lisi@example.cn" },
      ];
      for (const row of legacy) {
        await t.database.db.execute(sql`
        insert into objections (id, notice_id, application_id, objector_kind, real_name, contact, content, facts,
                                received_on, status, created_at)
        values (${row.id}, ${noticeId}, ${applicationId}, 'person', ${row.realName}, ${row.contact}, '合作协议已过期',
                '附协议到期页复印件。', '2026-03-10', 'received', now())`);
      }
      // Lodged after the upgrade: already sealed, left as it is.
      const lodged = await t.anonymous.post(`/api/public/notices/${noticeId}/objections`, {
        applicationId,
        objectorKind: "person",
        realName: "王五",
        contact: "13700002222",
        content: "负责人同时负责另一基地",
        facts: "见名录中另一基地的负责人一栏。",
      });
      expect(lodged.statusCode).toBe(201);
      const ids = [...legacy.map((row) => row.id), lodged.json().id];
      const [before] = await t.database.db.select().from(objections).where(eq(objections.id, lodged.json().id));

      expect(await seal()).toBe(2);

      const rows = await t.database.db.select().from(objections).where(inArray(objections.id, ids));
      for (const row of legacy) {
        const stored = rows.find((candidate) => candidate.id === row.id);
        expect(stored?.legacyContact).toBeNull();
        expect(pii.decrypt(stored!.contactSealed!)).toBe(row.contact);
      }
      expect(rows.find((row) => row.id === lodged.json().id)?.contactSealed).toEqual(before?.contactSealed);

      const entries = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "objection.contact.seal"), eq(auditLog.outcome, "success")));
      expect(entries).toHaveLength(1);
      expect(entries[0]?.changes).toEqual({ objectionIds: expect.arrayContaining(legacy.map((row) => row.id)) });
      for (const row of legacy) expect(JSON.stringify(entries[0])).not.toContain(row.contact);

      const notice = (await officer.get(`/api/decisions/notices/${noticeId}`)).json();
      expect(
        notice.objections.map((objection: { realName: string; contact: string }) => [
          objection.realName,
          objection.contact,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ["张三", "13900001111"],
          ["李四", "lisi@example.cn"],
          ["王五", "13700002222"],
        ]),
      );

      // Idempotent: nothing left in plaintext, nothing written, nothing audited.
      expect(await seal()).toBe(0);
      expect(
        await t.database.db.select().from(auditLog).where(eq(auditLog.action, "objection.contact.seal")),
      ).toHaveLength(1);
      expect(await t.database.db.select().from(objections).where(inArray(objections.id, ids))).toEqual(rows);
    });

    it("refuses a row with no contact at all (migration 0013's check)", async () => {
      await expect(
        t.database.db.execute(sql`
        insert into objections (id, notice_id, application_id, objector_kind, real_name, content, facts, received_on,
                                status, created_at)
        values (${randomUUID()}, 'n', 'a', 'person', '赵六', '异议', '事实', '2026-03-10', 'received', now())`),
      ).rejects.toThrow();
    });
  },
);
