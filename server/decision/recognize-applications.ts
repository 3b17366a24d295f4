import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { RecognitionInput } from "../../contracts/decision";
import { formCountries } from "../../contracts/recognition";
import type { BaseState } from "../../policy/lifecycles/base.transitions";
import { openObjectionStates } from "../../policy/lifecycles/objection.transitions";
import { editionFor } from "../../policy/measures/editions";
import { standardName } from "../../policy/names";
import type { BaseType } from "../../policy/reference/base-types";
import type { Region } from "../../policy/reference/regions";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute } from "../commands/command";
import type { Executor } from "../db/client";
import {
  applications,
  bases,
  calls,
  objections,
  people,
  publicNotices,
  recognitionDocuments,
  units,
} from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { applyApplicationEvent } from "../recognition/apply-application-event";
import { stringOrNull } from "../recognition/form-values";
import type { DecisionCall } from "./decision-command";
import { formatDocumentNumber } from "./document-number";
import { notifyStakeholders } from "./notify";

/** A recognized base starts active (policy/lifecycles/base.transitions.ts). */
const initialBaseState = "active" satisfies BaseState;

/** The next free number for a prefix and year (1 for the first document of the year). */
export async function nextDocumentNumber(executor: Executor, prefix: string, year: number): Promise<number> {
  const [row] = await executor
    .select({ last: max(recognitionDocuments.number) })
    .from(recognitionDocuments)
    .where(and(eq(recognitionDocuments.prefix, prefix), eq(recognitionDocuments.year, year)));
  return (row?.last ?? 0) + 1;
}

const numberTaken = (documentNumber: string) =>
  refused.conflict({
    code: "document-number-taken",
    messageZh: `文号 ${documentNumber} 已被使用。`,
    messageEn: `The document number ${documentNumber} is already in use.`,
    errors: [{ path: "number", messageZh: "文号已被使用", messageEn: "Number already used" }],
  });

/** The latest 公示 listing an application, with its objections still open and upheld. */
async function noticeFacts(context: CommandContext, applicationId: string) {
  const [notice] = await context.tx
    .select()
    .from(publicNotices)
    .where(sql`${publicNotices.applicationIds} @> ${JSON.stringify([applicationId])}::jsonb`)
    .orderBy(desc(publicNotices.startOn))
    .limit(1);
  const rows = await context.tx
    .select({ status: objections.status })
    .from(objections)
    .where(eq(objections.applicationId, applicationId));
  return {
    notice: notice ?? null,
    open: rows.filter((row) => openObjectionStates.includes(row.status)).length,
    upheld: rows.filter((row) => row.status === "upheld").length,
  };
}

/** The base an application becomes: its standard name checked against Art. 29–30, the form's countries. */
async function createBase(
  context: CommandContext,
  applicationId: string,
  document: { issuedOn: string; documentNumber: string },
) {
  const [row] = await context.tx
    .select({ application: applications, unit: units, directorName: people.name })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .leftJoin(people, eq(people.id, applications.directorPersonId))
    .where(eq(applications.id, applicationId));
  const application = row!.application;
  const computed = standardName({
    type: application.type as BaseType,
    field: application.field ?? "",
    isKey: application.isKey,
    ...(application.region ? { region: application.region as Region } : {}),
  });
  if (!computed.ok || (application.standardName && application.standardName !== computed.value)) {
    throw refused.rule({
      code: "standard-name-mismatch",
      article: application.region ? "30" : "29",
      messageZh: `申报的基地名称“${application.standardName ?? ""}”与第二十九、三十条规定的命名不一致，请核对类型和领域。`,
      messageEn: `The application's name "${application.standardName ?? ""}" does not match Art. 29–30; check the type and field.`,
    });
  }
  const name = computed.value;
  const [clash] = await context.tx
    .select({ id: bases.id })
    .from(bases)
    .where(and(eq(bases.standardName, name), eq(bases.unitId, application.unitId)));
  if (clash) {
    throw refused.conflict({
      code: "base-exists",
      article: "7.5",
      messageZh: `${row!.unit.name}已有“${name}”。`,
      messageEn: `${row!.unit.name} already holds "${name}".`,
    });
  }
  const form = parseStored("applications.form", application.form, application.id);
  const base = {
    id: randomUUID(),
    standardName: name,
    unitId: application.unitId,
    recommenderId: row!.unit.recommenderId,
    applicationId,
    type: application.type!,
    field: application.field!,
    isKey: application.isKey,
    isOffshore: application.isOffshore,
    offshoreCountry: stringOrNull(form.application?.offshoreCountry),
    region: application.region,
    college: row!.unit.college,
    directorPersonId: application.directorPersonId,
    directorName: row!.directorName ?? stringOrNull(form.director?.name) ?? "",
    countries: formCountries.parse(form.application?.countries),
    recognizedOn: document.issuedOn,
    documentNumber: document.documentNumber,
    origin: "provincial-2025",
    edition: editionFor(document.issuedOn).edition.id,
    status: initialBaseState,
    statusChangedOn: document.issuedOn,
  };
  await context.tx.insert(bases).values({ ...base, createdAt: context.clock.now() });
  await context.audit({ action: "base.create", targetType: "base", targetId: base.id, changes: base });
  return base;
}

/**
 * 发文认定 (Art. 14.3): in one transaction, the recognition document (机关代字〔year〕N号, unique per prefix and
 * year), each application → recognized (the lifecycle refuses while the 公示 runs or objections are open), and a
 * registry row per base under its standard name. An application with an upheld objection is not recognized.
 */
export async function recognizeApplications(call: DecisionCall, input: RecognitionInput) {
  const id = randomUUID();
  return execute(
    call.deps,
    call.actor,
    "recognition-document.issue",
    { type: "recognition-document", id },
    async (context) => {
      await authorize(context.tx, call.caller, "application.recognize");
      if (input.issuedOn > chinaDate(context.clock.now())) {
        throw refused.invalidInput(
          "invalid-input",
          "发文日期不能晚于今天。",
          "The issue date cannot be in the future.",
          [{ path: "issuedOn", messageZh: "发文日期不能晚于今天", messageEn: "Not in the future" }],
        );
      }
      const prefix = input.prefix.trim();
      const year = input.year ?? Number(input.issuedOn.slice(0, 4));
      const number = input.number ?? (await nextDocumentNumber(context.tx, prefix, year));
      const documentNumber = formatDocumentNumber({ prefix, year, number });
      const [taken] = await context.tx
        .select({ id: recognitionDocuments.id })
        .from(recognitionDocuments)
        .where(
          and(
            eq(recognitionDocuments.prefix, prefix),
            eq(recognitionDocuments.year, year),
            eq(recognitionDocuments.number, number),
          ),
        );
      if (taken) throw numberTaken(documentNumber);

      const applicationIds = [...new Set(input.applicationIds)];
      const created: Array<{ id: string; applicationId: string }> = [];
      for (const applicationId of applicationIds) {
        const facts = await noticeFacts(context, applicationId);
        if (facts.upheld > 0) {
          throw refused.rule({
            code: "objection-upheld",
            article: "14.3",
            messageZh: "该申报有成立的异议，不能认定；请作不予认定处理。",
            messageEn: "An objection to this application was upheld: reject it instead.",
          });
        }
        if (facts.notice && input.issuedOn <= facts.notice.endOn) {
          throw refused.rule({
            code: "issued-during-notice",
            messageZh: "发文日期应在公示期结束之后。",
            messageEn: "The document must be dated after the notice period.",
            errors: [
              { path: "issuedOn", messageZh: `应晚于 ${facts.notice.endOn}`, messageEn: `After ${facts.notice.endOn}` },
            ],
          });
        }
        await applyApplicationEvent(context, call.caller, {
          applicationId,
          event: "recognize",
          guardContext: {
            unresolvedObjections: facts.open,
            ...(facts.notice ? { publicNoticeEnd: facts.notice.endOn } : {}),
          },
          data: { documentId: id, documentNumber, issuedOn: input.issuedOn },
        });
        const base = await createBase(context, applicationId, { issuedOn: input.issuedOn, documentNumber });
        created.push({ id: base.id, applicationId });
      }

      const rounds = await context.tx
        .select({ year: calls.year, id: calls.id })
        .from(calls)
        .innerJoin(applications, eq(applications.callId, calls.id))
        .where(inArray(applications.id, applicationIds));
      const callIds = new Set(rounds.map((round) => round.id));
      const document = {
        id,
        callId: callIds.size === 1 ? rounds[0]!.id : null,
        prefix,
        year,
        number,
        documentNumber,
        issuedOn: input.issuedOn,
        title: input.title?.trim() || `关于认定${rounds[0]?.year ?? year}年度湖北省国际科技合作基地的通知`,
        applicationIds,
        edition: editionFor(input.issuedOn).edition.id,
      };
      try {
        await context.tx
          .insert(recognitionDocuments)
          .values({ ...document, issuedBy: context.actor.accountId, createdAt: context.clock.now() });
      } catch (error) {
        const code =
          (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
        if (code === "23505") throw numberTaken(documentNumber);
        throw error;
      }
      await context.audit({ changes: { ...document, baseIds: created.map((base) => base.id) } });
      for (const base of created) {
        const [row] = await context.tx.select({ name: bases.standardName }).from(bases).where(eq(bases.id, base.id));
        await notifyStakeholders(context, base.applicationId, {
          titleZh: `已发文认定（${documentNumber}）：${row?.name ?? ""}`,
          titleEn: `Recognized (${documentNumber}): ${row?.name ?? ""}`,
        });
      }
      return { id, documentNumber, baseIds: created.map((base) => base.id) };
    },
  );
}
