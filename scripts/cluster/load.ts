/**
 * The cluster test's users: host units autosaving their 申报 and uploading 20 MB materials through the proxy, the
 * way the browser does — each write retried after a proxy or connection error (a node died under it) with the same
 * Idempotency-Key, so a retry never writes twice. Every acknowledged write is recorded for the checks.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { demoPassword } from "../../server/demo/demo-accounts";

export interface Applicant {
  username: string;
  applicationId: string;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** The address the applicant comes from (X-Forwarded-For, believed from the proxy): its own rate-limit key. */
  address: string;
}

export interface ApplicantOutcome extends Applicant {
  session: Session;
  /** The last save answered 200, and the last one sent: the stored form holds one from acked to attempted. */
  lastAcked: number | null;
  lastAttempted: number;
  acked: number;
  /** Saves that were never answered 200 after every retry (a 409 re-reads and carries on; not counted). */
  failed: number;
  uploads: Array<{ fileId: string; sha256: string; size: number }>;
  uploadFailures: number;
}

export interface Counters {
  requests: number;
  retries: number;
  /** Answers a 5xx or a dropped connection before retrying — what a user would have seen without a retry. */
  transient: number;
}

export const counters: Counters = { requests: 0, retries: 0, transient: 0 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request with retries on a dropped connection or a 502/503/504; null when every attempt failed. */
async function send(url: string, init: RequestInit, attempts = 6): Promise<Response | null> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    counters.requests += 1;
    try {
      const response = await fetch(url, init);
      if (![502, 503, 504].includes(response.status)) return response;
      await response.arrayBuffer();
    } catch {
      // the connection dropped: the node behind it died
    }
    counters.transient += 1;
    if (attempt < attempts) {
      counters.retries += 1;
      await pause(250 * attempt);
    }
  }
  return null;
}

export async function signIn(proxy: string, username: string, address: string): Promise<Session> {
  const response = await send(`${proxy}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response?.ok) throw new Error(`sign-in ${username}: ${response?.status} ${await response?.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrfToken, address };
}

const headersOf = (session: Session, extra: Record<string, string> = {}) => ({
  cookie: session.cookie,
  "x-csrf-token": session.csrfToken,
  "x-forwarded-for": session.address,
  ...extra,
});

interface Draft {
  version: number;
  form: { application?: Record<string, unknown> } & Record<string, unknown>;
}

async function readDraft(proxy: string, applicationId: string, session: Session): Promise<Draft | null> {
  const response = await send(`${proxy}/api/applications/${applicationId}`, { headers: headersOf(session) });
  if (!response?.ok) return null;
  const detail = (await response.json()) as Draft;
  return { version: detail.version, form: detail.form ?? {} };
}

export const markerOf = (n: number) => `集群测试保存 ${n}`;

/** A PDF of `bytes` that no other upload shares: random, with the applicant and the round in its tail. */
function pdfBody(bytes: number, tag: string): Buffer {
  const tail = Buffer.from(`\n% ${tag}\n%%EOF\n`);
  return Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(bytes - 9 - tail.length), tail]);
}

/** Uploads may hold at most this many bodies in memory at once, whatever the number of applicants. */
let uploadSlots = 8;
async function upload(proxy: string, outcome: ApplicantOutcome, bytes: number, tag: string): Promise<void> {
  while (uploadSlots === 0) await pause(50);
  uploadSlots -= 1;
  try {
    const body = pdfBody(bytes, tag);
    const sha256 = createHash("sha256").update(body).digest("hex");
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const form = new FormData();
      form.set("slot", "application-form-pdf");
      form.set("file", new Blob([new Uint8Array(body)], { type: "application/pdf" }), "申报书.pdf");
      // Multipart uploads take no Idempotency-Key: sending the same file to the same slot again replaces it.
      const response = await send(`${proxy}/api/applications/${outcome.applicationId}/files`, {
        method: "POST",
        headers: headersOf(outcome.session),
        body: form,
      });
      if (response?.status === 201) {
        const detail = (await response.json()) as {
          files: Array<{ slot: string; fileId: string; sha256: string; size: number }>;
        };
        const stored = detail.files.find((file) => file.slot === "application-form-pdf");
        if (stored?.sha256 === sha256) outcome.uploads.push({ fileId: stored.fileId, sha256, size: stored.size });
        else outcome.uploadFailures += 1;
        return;
      }
      await response?.arrayBuffer();
    }
    outcome.uploadFailures += 1;
  } finally {
    uploadSlots += 1;
  }
}

/** One applicant until `until`: autosave about twice a second, and `uploads` 20 MB uploads spread over the time. */
export async function applicantLoad(
  proxy: string,
  applicant: Applicant,
  session: Session,
  options: { until: number; uploads: number; uploadBytes: number },
): Promise<ApplicantOutcome> {
  const outcome: ApplicantOutcome = {
    ...applicant,
    session,
    lastAcked: null,
    lastAttempted: 0,
    acked: 0,
    failed: 0,
    uploads: [],
    uploadFailures: 0,
  };
  const span = options.until - Date.now();
  const uploadTimes = Array.from({ length: options.uploads }, () => Date.now() + Math.random() * span * 0.8);
  const pendingUploads: Promise<void>[] = [];
  let draft = await readDraft(proxy, applicant.applicationId, session);
  while (Date.now() < options.until) {
    const due = uploadTimes.findIndex((at) => at <= Date.now());
    if (due !== -1) {
      uploadTimes.splice(due, 1);
      pendingUploads.push(upload(proxy, outcome, options.uploadBytes, `${applicant.username} ${randomUUID()}`));
    }
    if (!draft) {
      draft = await readDraft(proxy, applicant.applicationId, session);
      if (!draft) {
        outcome.failed += 1;
        continue;
      }
    }
    const n = outcome.lastAttempted + 1;
    outcome.lastAttempted = n;
    const form = { ...draft.form, application: { ...(draft.form.application ?? {}), nameZh: markerOf(n) } };
    const response = await send(`${proxy}/api/applications/${applicant.applicationId}`, {
      method: "PATCH",
      headers: headersOf(session, { "content-type": "application/json", "idempotency-key": randomUUID() }),
      body: JSON.stringify({ form, version: draft.version }),
    });
    if (response?.ok) {
      const saved = (await response.json()) as Draft;
      outcome.lastAcked = n;
      outcome.acked += 1;
      draft = { version: saved.version, form: saved.form };
    } else {
      // 409: another save won the version (or the first attempt is still being answered): read again.
      if (response?.status !== 409) outcome.failed += 1;
      await response?.arrayBuffer();
      draft = null;
    }
    await pause(300 + Math.random() * 400);
  }
  await Promise.all(pendingUploads);
  return outcome;
}

/**
 * A save on node `writer` is in node `reader`'s list on the very next request: `reader` lists the application
 * first (its list cache keeps the page), `writer` saves, `reader` lists again at once. Each node drops its cached
 * lists when any node commits (server/db/change-listener.ts); a 5 s cache without that would fail here.
 */
export async function seenAcrossNodes(
  writer: string,
  reader: string,
  applicant: Applicant,
  session: Session,
): Promise<boolean> {
  const listedVersion = async () => {
    const response = await send(`${reader}/api/applications?pageSize=50`, { headers: headersOf(session) });
    if (!response?.ok) return null;
    const page = (await response.json()) as { items: Array<{ id: string; version: number }> };
    return page.items.find((item) => item.id === applicant.applicationId)?.version ?? null;
  };
  const before = await listedVersion();
  const draft = await readDraft(writer, applicant.applicationId, session);
  if (before === null || !draft) return false;
  const form = { ...draft.form, application: { ...(draft.form.application ?? {}), nameZh: markerOf(0) } };
  const saved = await send(`${writer}/api/applications/${applicant.applicationId}`, {
    method: "PATCH",
    headers: headersOf(session, { "content-type": "application/json", "idempotency-key": randomUUID() }),
    body: JSON.stringify({ form, version: draft.version }),
  });
  if (!saved?.ok) return false;
  const { version } = (await saved.json()) as { version: number };
  return version > before && (await listedVersion()) === version;
}
