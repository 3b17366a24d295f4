import { eq } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, people } from "../db/schema";
import { dispatchOutbox } from "../outbox/outbox";
import { openCall, submittedApplication } from "../routes/applications/recognition.fixtures";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";

describe.each(databaseKinds())("notifications of application transitions on %s", (kind) => {
  let t: TestApp;
  let sink: SMTPServer;
  let port = 0;
  const received: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind);
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    port = (sink.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    await t.close();
  });

  it("tells the holding recommender in the app and by e-mail when an application is submitted", async () => {
    const [person] = await t.database.db.select().from(people).where(eq(people.name, "张明"));
    await t.database.db.update(people).set({ email: "donghu@example.org" }).where(eq(people.id, person!.id));
    await t.database.db.update(accounts).set({ personId: person!.id }).where(eq(accounts.username, "rec.donghu"));

    const callId = (await openCall(t)).id;
    const id = await submittedApplication(t, await t.login("app.wuhan-ent"), callId, "刘洋");
    const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const sent = await dispatchOutbox(t.database, t.clock, async (message) => {
      await transport.sendMail({ from: "noreply@localhost", ...message });
    });
    expect(sent).toBeGreaterThan(0);
    expect(received.some((mail) => mail.includes("donghu@example.org"))).toBe(true);
    const inbox = (await (await t.login("rec.donghu")).get("/api/notifications?pageSize=50")).json();
    const mine = inbox.items.find((n: { titleZh: string }) =>
      n.titleZh.startsWith("申报推荐部门审核中：武汉光谷激光科技有限公司"),
    );
    expect(mine?.link).toMatch(/^\/applications\//);
    // The actor is not notified of its own act.
    const own = (await (await t.login("app.wuhan-ent")).get("/api/notifications?pageSize=100")).json();
    expect(own.items.some((n: { link: string }) => n.link === `/applications/${id}`)).toBe(false);
  });
});
