import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { validCase } from "../../../policy/eligibility/eligibility.fixtures";
import { people } from "../../db/schema";
import { sampleRubric } from "../../test/factories";
import type { Agent, TestApp } from "../../test/harness";

/** Helpers shared by the recognition route tests: calls, a complete form, uploads, document text. */

export const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** Enough of an OOXML zip for content sniffing: local-file header and a word/ entry name. */
export const tinyDocx = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from("....word/document.xml...."),
]);

export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; mediaType: string }) {
  const boundary = "----guohe-recognition-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(
  agent: Agent,
  applicationId: string,
  slot: string,
  file: { name: string; content: Buffer },
) {
  const mediaType =
    file.content.subarray(0, 4).toString("latin1") === "%PDF" ? "application/pdf" : "application/octet-stream";
  return agent.request({
    method: "POST",
    url: `/api/applications/${applicationId}/files`,
    ...multipart({ slot }, { ...file, mediaType }),
  });
}

export const requiredSlots = [
  ["application-form-docx", "申报书.docx", tinyDocx],
  ["application-form-pdf", "申报书-盖章.pdf", tinyPdf],
  ["work-plan-docx", "建设工作方案.docx", tinyDocx],
  ["work-plan-pdf", "建设工作方案-盖章.pdf", tinyPdf],
  ...[
    "ipOwnership",
    "benefitSharing",
    "crossBorderData",
    "humanGeneticResources",
    "ethics",
    "disputeHandling",
    "securityRisk",
  ].map((key) => [`system-${key}`, `${key}.pdf`, tinyPdf] as const),
] as const;

export async function uploadAll(agent: Agent, applicationId: string) {
  for (const [slot, name, content] of requiredSlots) {
    const response = await upload(agent, applicationId, slot, { name, content });
    if (response.statusCode !== 201) throw new Error(`upload ${slot} → ${response.statusCode} ${response.body}`);
  }
}

/** A call as the officer creates and opens it through the API. */
export async function openCall(t: TestApp, overrides: Record<string, unknown> = {}) {
  const officer = await t.login("officer");
  const created = await officer.post("/api/calls", {
    year: 2026,
    kind: "annual",
    titleZh: "关于开展2026年度湖北省国际科技合作基地认定工作的通知",
    opensAt: "2026-03-01T00:00:00+08:00",
    closesAt: "2026-03-31T23:59:59+08:00",
    deadline: "2026-03-31",
    focusFields: ["人工智能", "光电子信息"],
    rubric: sampleRubric,
    defaultQuota: 3,
    ...overrides,
  });
  if (created.statusCode !== 201) throw new Error(`create call → ${created.statusCode} ${created.body}`);
  const opened = await officer.post(`/api/calls/${created.json().id}/open`, {});
  if (opened.statusCode !== 200) throw new Error(`open call → ${opened.statusCode} ${opened.body}`);
  return opened.json() as { id: string; version: number };
}

/** A complete form that passes every rule (the policy fixture), with a real director of the unit. */
export async function completeForm(t: TestApp, directorName: string, field = "人工智能") {
  const [director] = await t.database.db.select().from(people).where(eq(people.name, directorName));
  const fixture = validCase("joint-research");
  return {
    unitFacts: { isIndependentLegalPerson: true, inExistence: true, foundedOn: "2012-06-18" },
    application: { ...fixture.application, field, managementSystems: undefined },
    director: { ...fixture.director, name: directorName, personId: director!.id },
  };
}

/** Starts an application, fills it completely, uploads every required material and submits it. */
export async function submittedApplication(
  t: TestApp,
  agent: Agent,
  callId: string,
  directorName: string,
  field?: string,
) {
  const created = await agent.post("/api/applications", { callId, form: await completeForm(t, directorName, field) });
  if (created.statusCode !== 201) throw new Error(`create → ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  await uploadAll(agent, id);
  const submitted = await agent.post(`/api/applications/${id}/events`, { event: "submit" });
  if (submitted.statusCode !== 200) throw new Error(`submit → ${submitted.statusCode} ${submitted.body}`);
  return id;
}

export async function docxText(content: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
}

export function pdfText(content: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "guohe-pdf-"));
  const path = join(dir, "document.pdf");
  writeFileSync(path, content);
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
}
