/**
 * The applicants' side of bench/deadline-day.ts, run as a child process so its buffers are not counted in the
 * platform's RSS: every applicant uploads its own PDF (a shared random body and a suffix naming the applicant and the
 * round, so no two share a SHA-256) to its draft, all at the same moment, each over its own connection.
 * Input: the path of a job file (JSON, `UploadJob`); output: one JSON line (`UploadBurst`) on stdout.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";

export interface UploadJob {
  url: string;
  bytes: number;
  round: number;
  applicants: Array<{ applicationId: string; cookie: string; csrfToken: string }>;
}

export interface UploadResult {
  status: number;
  error: string | null;
  /** What the applicant sent. */
  sha256: string;
  /** What the platform answered it stored (201), else null. */
  fileId: string | null;
  storedSha256: string | null;
  /** Milliseconds from the burst's start until the body was handed to the kernel, and until the answer ended. */
  sentMs: number;
  answeredMs: number;
}

export interface UploadBurst {
  elapsedMs: number;
  results: UploadResult[];
}

const slot = "application-form-pdf";
const boundary = "----guohe-deadline-day";
const suffixLength = 64;

function upload(job: UploadJob, index: number, body: Buffer, common: ReturnType<typeof createHash>, started: number) {
  const applicant = job.applicants[index]!;
  const suffix = Buffer.alloc(suffixLength, 0x20);
  suffix.write(`\n% round ${job.round} applicant ${index}\n%%EOF`);
  suffix[suffixLength - 1] = 0x0a;
  const sha256 = common.copy().update(suffix).digest("hex");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\n${slot}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="application.pdf"\r\n` +
      "Content-Type: application/pdf\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise<UploadResult>((settle) => {
    let sentMs = Number.NaN;
    const resolve = (result: Omit<UploadResult, "sentMs" | "answeredMs">) =>
      settle({ ...result, sentMs, answeredMs: performance.now() - started });
    const failed = (error: Error) =>
      resolve({ status: 0, error: error.message, sha256, fileId: null, storedSha256: null });
    const request = http.request(
      `${job.url}/api/applications/${applicant.applicationId}/files`,
      {
        method: "POST",
        agent: false,
        headers: {
          cookie: applicant.cookie,
          "x-csrf-token": applicant.csrfToken,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + body.length + suffix.length + tail.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", failed);
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8");
          if (status !== 201) {
            resolve({ status, error: text.slice(0, 200), sha256, fileId: null, storedSha256: null });
            return;
          }
          const stored = (
            JSON.parse(text) as { files: Array<{ slot: string; fileId: string; sha256: string }> }
          ).files.find((file) => file.slot === slot);
          resolve({
            status,
            error: null,
            sha256,
            fileId: stored?.fileId ?? null,
            storedSha256: stored?.sha256 ?? null,
          });
        });
      },
    );
    request.on("error", failed);
    request.on("finish", () => {
      sentMs = performance.now() - started;
    });
    // The body is one shared buffer: each request queues a reference to it, not a copy.
    request.write(head);
    request.write(body);
    request.write(suffix);
    request.end(tail);
  });
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as UploadJob;
const prefix = Buffer.from("%PDF-1.7\n");
const body = Buffer.concat([prefix, randomBytes(job.bytes - prefix.length - suffixLength)]);
const common = createHash("sha256").update(body);
const started = performance.now();
const results = await Promise.all(job.applicants.map((_, index) => upload(job, index, body, common, started)));
const burst: UploadBurst = { elapsedMs: performance.now() - started, results };
process.stdout.write(`${JSON.stringify(burst)}\n`);
