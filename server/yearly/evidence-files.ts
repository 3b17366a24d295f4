import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { EvidenceFileList } from "../../contracts/evidence";
import {
  decideEvidenceChange,
  type EvidenceActor,
  type EvidenceChange,
  type EvidenceFacts,
  type EvidenceSubject,
} from "../../policy/evidence/evidence-files";
import type { Caller } from "../access/caller";
import { changeReportAbilities, loadChangeReport } from "../changes/change-reports.repository";
import { auditOutcome, execute, type Invocation } from "../commands/command";
import type { Executor, Tx } from "../db/client";
import { yearlyFiles } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { maxUploadBytes } from "../recognition/materials";
import { loadRevocation, revocationEvidenceWriter } from "../revocation/revocation.repository";
import type { FileKind, FileStore } from "../storage/files";
import type { FileContent } from "../storage/staged-file";
import { evidenceFilesOf, presentEvidenceFiles } from "./evidence-files.repository";
import { loadRectification, rectificationAbilities } from "./rectification.repository";
import { lockReport, readReport, reportActor, reportEditable } from "./report-facts";

/** What evidence may be, judged by content (FileStore.sniffKind): scans and photos, Word and Excel. */
export const evidenceKinds: readonly FileKind[] = ["pdf", "png", "jpeg", "docx", "xlsx"];
export const maxEvidenceBytes = maxUploadBytes;

/** The subject's state and the caller's reach on it, read once (locked in a command); null when it does not exist. */
async function loadSubject(
  executor: Executor | Tx,
  caller: Caller,
  subject: EvidenceSubject,
  id: string,
  options: { lock: boolean; now: Date },
): Promise<{ facts: EvidenceFacts; actor: EvidenceActor } | null> {
  const { lock } = options;
  if (subject === "annual-report") {
    const loaded = lock ? await lockReport(executor as Tx, id) : await readReport(executor, id);
    if (!loaded) return null;
    const actor = await reportActor(executor, caller, loaded.report);
    return {
      // The report's text and its evidence open and close together (save-report.ts).
      facts: { subject, contentOpen: reportEditable(loaded.report, actor, options.now) },
      actor: { canRead: actor.canRead, canSubmit: actor.abilities.includes("annual-report.submit") },
    };
  }
  if (subject === "change-report") {
    const change = await loadChangeReport(executor, caller, id, { lock });
    if (!change) return null;
    const abilities = await changeReportAbilities(executor, caller, change);
    return {
      facts: { subject, state: change.report.state },
      actor: { canRead: true, canSubmit: abilities.includes("change-report.submit") },
    };
  }
  if (subject === "revocation-case") {
    const loaded = await loadRevocation(executor, caller, id, { lock });
    if (!loaded) return null;
    return {
      facts: { subject, state: loaded.revocation.state },
      actor: { canRead: true, canSubmit: await revocationEvidenceWriter(executor, caller, loaded) },
    };
  }
  const loaded = await loadRectification(executor, caller, id, { lock });
  if (!loaded) return null;
  const abilities = await rectificationAbilities(executor, caller, loaded);
  return {
    facts: { subject, state: loaded.rectification.state },
    actor: { canRead: true, canSubmit: abilities.includes("rectification.submit") },
  };
}

const notFound = (subject: EvidenceSubject) =>
  subject === "annual-report"
    ? refused.notFound("Annual report", "年度工作报告")
    : subject === "change-report"
      ? refused.notFound("Change report", "重大事项变化报告")
      : subject === "revocation-case"
        ? refused.notFound("Revocation case", "取消资格事项")
        : refused.notFound("Rectification case", "整改事项");

/** The subject as its reader reaches it: another unit's or jurisdiction's is a 404, never a 403. */
async function requireReadable(executor: Executor, caller: Caller, subject: EvidenceSubject, id: string, now: Date) {
  const loaded = await loadSubject(executor, caller, subject, id, { lock: false, now });
  if (!loaded?.actor.canRead) throw notFound(subject);
  return loaded;
}

const refusalKinds = { "not-found": "not-found", forbidden: "forbidden", conflict: "conflict" } as const;

/** Loads under a lock and decides; throws the decision's refusal. Returns the slot the change applies to. */
async function decideLocked(
  tx: Tx,
  now: Date,
  caller: Caller,
  subject: EvidenceSubject,
  id: string,
  change: (locked: EvidenceFacts) => Promise<EvidenceChange>,
): Promise<string> {
  const loaded = await loadSubject(tx, caller, subject, id, { lock: true, now });
  if (!loaded) throw notFound(subject);
  const decision = decideEvidenceChange(loaded.facts, loaded.actor, await change(loaded.facts));
  if (!decision.ok) throw refusalOf(subject, decision);
  return decision.slot;
}

function refusalOf(
  subject: EvidenceSubject,
  decision: Extract<ReturnType<typeof decideEvidenceChange>, { ok: false }>,
) {
  return decision.kind === "not-found" ? notFound(subject) : new Refused(refusalKinds[decision.kind], decision.refusal);
}

/** The list a reader sees, with whether the caller may add files now and to which slot (the page shows only that). */
export async function listEvidenceFiles(
  executor: Executor,
  caller: Caller,
  subject: EvidenceSubject,
  subjectId: string,
  now: Date,
): Promise<EvidenceFileList> {
  const loaded = await requireReadable(executor, caller, subject, subjectId, now);
  const decision = decideEvidenceChange(loaded.facts, loaded.actor, { kind: "add" });
  const openSlot = decision.ok ? decision.slot : null;
  return {
    items: await presentEvidenceFiles(executor, subject, subjectId),
    editable: decision.ok,
    openSlot,
    acceptedTypes: [...evidenceKinds],
    maxBytes: maxEvidenceBytes,
  };
}

/** One file for a download the caller may read (the subject through its read scope); 404 otherwise. */
export async function openEvidenceFile(
  executor: Executor,
  store: FileStore,
  caller: Caller,
  target: { subject: EvidenceSubject; subjectId: string; attachmentId: string; now: Date },
): Promise<{ name: string; mediaType: string; content: Buffer }> {
  await requireReadable(executor, caller, target.subject, target.subjectId, target.now);
  const file = (await evidenceFilesOf(executor, target.subject, target.subjectId)).find(
    (candidate) => candidate.id === target.attachmentId,
  );
  if (!file) throw refused.notFound("File", "文件");
  return { name: file.name, mediaType: file.mediaType, content: await store.read(file.storageKey) };
}

/**
 * Checked before the upload's bytes are read, by the same decision the command takes under its lock: out of reach
 * 404, not the host unit 403, closed 409 — without reading 50 MB first; a refusal is audited as the command's.
 */
export async function precheckEvidenceUpload(
  invocation: Invocation,
  target: { subject: EvidenceSubject; subjectId: string },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  try {
    const loaded = await loadSubject(deps.database.db, caller, target.subject, target.subjectId, {
      lock: false,
      now: deps.clock.now(),
    });
    if (!loaded) throw notFound(target.subject);
    const decision = decideEvidenceChange(loaded.facts, loaded.actor, { kind: "add" });
    if (!decision.ok) throw refusalOf(target.subject, decision);
  } catch (error) {
    if (error instanceof Refused) {
      await auditOutcome(
        deps,
        actor,
        `${target.subject}.attach-file`,
        { type: target.subject, id: target.subjectId },
        "refused",
        error,
      );
    }
    throw error;
  }
}

/**
 * Attaches an evidence file to a report or a case (Art. 18, 22, 24) through the applications' store: type judged by
 * content (415), ≤ 50 MB (413), SHA-256 kept, name sanitized; the policy decides who and when; row and audit entry in
 * one transaction.
 */
export async function attachEvidenceFile(
  invocation: Invocation,
  store: FileStore,
  input: { subject: EvidenceSubject; subjectId: string; name: string; content: FileContent },
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(
    deps,
    actor,
    `${input.subject}.attach-file`,
    { type: input.subject, id: input.subjectId },
    async (context) => {
      const slot = await decideLocked(
        context.tx,
        context.clock.now(),
        caller,
        input.subject,
        input.subjectId,
        async () => ({
          kind: "add",
        }),
      );
      const stored = await store.save(
        context.tx,
        context.clock,
        { name: input.name, content: input.content, uploadedBy: actor.accountId },
        evidenceKinds,
        maxEvidenceBytes,
      );
      await context.tx.insert(yearlyFiles).values({
        id,
        subjectKind: input.subject,
        subjectId: input.subjectId,
        slot,
        fileId: stored.id,
        createdBy: actor.accountId,
        createdAt: context.clock.now(),
      });
      await context.audit({
        changes: { attachment: id, slot, name: stored.name, sha256: stored.sha256, size: stored.size },
      });
      return id;
    },
  );
}

/** Removes one evidence file while its slot is still open (the stored file stays for the audit trail). */
export async function detachEvidenceFile(
  invocation: Invocation,
  input: { subject: EvidenceSubject; subjectId: string; attachmentId: string },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(
    deps,
    actor,
    `${input.subject}.detach-file`,
    { type: input.subject, id: input.subjectId },
    async (context) => {
      const found: { row?: typeof yearlyFiles.$inferSelect | undefined } = {};
      // The subject is locked first; its own refusal (404 out of scope, 403, 409) comes before whether the file
      // exists — a missing file is judged as an addition would be, then is a 404.
      await decideLocked(context.tx, context.clock.now(), caller, input.subject, input.subjectId, async () => {
        [found.row] = await context.tx
          .select()
          .from(yearlyFiles)
          .where(
            and(
              eq(yearlyFiles.subjectKind, input.subject),
              eq(yearlyFiles.subjectId, input.subjectId),
              eq(yearlyFiles.id, input.attachmentId),
            ),
          );
        return found.row ? { kind: "remove", slot: found.row.slot } : { kind: "add" };
      });
      const { row } = found;
      if (!row) throw refused.notFound("File", "文件");
      await context.tx.delete(yearlyFiles).where(eq(yearlyFiles.id, row.id));
      await context.audit({ changes: { removed: { attachment: row.id, slot: row.slot, fileId: row.fileId } } });
    },
  );
}
