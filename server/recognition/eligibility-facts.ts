import { and, eq, inArray, ne, notInArray, or, sql } from "drizzle-orm";
import type { ApplicationForm, FileSlot, StoredEligibility } from "../../contracts/recognition";
import { checkEligibility } from "../../policy/eligibility/engine";
import { presentInputError } from "../../policy/eligibility/field-labels";
import {
  dropUnknownEligibilityKeys,
  managementSystemKeys,
  parseEligibilityInput,
  type RegistryFacts,
} from "../../policy/eligibility/input";
import { endedApplicationStates } from "../../policy/lifecycles/application-per-call";
import type { NationalPlatformKind } from "../../policy/reference/evidence-kinds";
import type { Executor } from "../db/client";
import {
  applicationFiles,
  applications,
  bases,
  type calls,
  creditRecords,
  nationalPlatforms,
  revocations,
  units,
} from "../db/schema";
import { entry, type FormEntry, isEntry } from "./form-values";
import { defaultMaterials, systemSlot } from "./materials";

type CallRow = typeof calls.$inferSelect;
type UnitRow = typeof units.$inferSelect;

export interface Problem {
  path: string;
  messageZh: string;
  messageEn: string;
  article?: string;
}

/** Bases that still count as recognized (Art. 7.5, 12.3): every state before revocation or exit. */
const liveBaseStates = ["active", "rectifying", "revocation-proposed"];

/**
 * The registry facts the rules need for one unit and director, read from the registry tables (5a): live bases of
 * the unit or directed by the director, the unit's revocations and national platforms, and both credit records.
 */
export async function registryFactsFor(
  executor: Executor,
  unit: Pick<UnitRow, "id" | "uscc">,
  directorPersonId: string | null,
  applicationId?: string,
): Promise<RegistryFacts> {
  const baseRows = await executor
    .select({ base: bases, uscc: units.uscc })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(
      and(
        inArray(bases.status, liveBaseStates),
        directorPersonId
          ? or(eq(bases.unitId, unit.id), eq(bases.directorPersonId, directorPersonId))
          : eq(bases.unitId, unit.id),
      ),
    );
  // The unit's revocations, and (for the setting banBarsDirector) those of bases the director directed when revoked:
  // a revoked base's record is frozen, so its director is the one at revocation.
  const revoked = await executor
    .select({ row: revocations, uscc: units.uscc, directorId: bases.directorPersonId })
    .from(revocations)
    .innerJoin(units, eq(units.id, revocations.unitId))
    .leftJoin(bases, eq(bases.id, revocations.baseId))
    .where(
      directorPersonId
        ? or(eq(revocations.unitId, unit.id), eq(bases.directorPersonId, directorPersonId))
        : eq(revocations.unitId, unit.id),
    );
  const platforms = await executor.select().from(nationalPlatforms).where(eq(nationalPlatforms.unitId, unit.id));
  const credits = await executor
    .select()
    .from(creditRecords)
    .where(
      directorPersonId
        ? or(eq(creditRecords.unitId, unit.id), eq(creditRecords.personId, directorPersonId))
        : eq(creditRecords.unitId, unit.id),
    );
  // Art. 7.5 across applications: the unit's others still standing (in this call or another), not yet bases —
  // a recognized one is in the registry above. Read with their columns only, never their forms.
  const siblings = applicationId
    ? await executor
        .select({
          name: applications.standardName,
          field: applications.field,
          college: sql<string | null>`${applications.form}->'unitFacts'->>'college'`,
          isOffshore: applications.isOffshore,
          offshoreCountry: sql<string | null>`${applications.form}->'application'->>'offshoreCountry'`,
        })
        .from(applications)
        .where(
          and(
            eq(applications.unitId, unit.id),
            ne(applications.id, applicationId),
            notInArray(applications.state, [...endedApplicationStates, "recognized"]),
          ),
        )
    : [];
  return {
    otherApplications: siblings.map((row) => ({
      ...(row.name ? { name: row.name } : {}),
      ...(row.field ? { field: row.field } : {}),
      ...(row.college ? { college: row.college } : {}),
      isOffshore: row.isOffshore,
      ...(row.offshoreCountry ? { offshoreCountry: row.offshoreCountry } : {}),
    })),
    activeBases: baseRows.map(({ base, uscc }) => ({
      name: base.standardName,
      unitUscc: uscc,
      ...(base.college ? { college: base.college } : {}),
      field: base.field,
      isOffshore: base.isOffshore,
      ...(base.offshoreCountry ? { offshoreCountry: base.offshoreCountry } : {}),
      ...(base.directorPersonId ? { directorId: base.directorPersonId } : {}),
    })),
    revocations: revoked.map(({ row, uscc, directorId }) => {
      const ground = Number(row.ground);
      return {
        unitUscc: row.unitId === unit.id ? unit.uscc : uscc,
        date: row.revokedOn,
        ...(Number.isInteger(ground) && ground >= 1 && ground <= 9 ? { ground } : {}),
        ...(directorId ? { directorId } : {}),
      };
    }),
    nationalPlatforms: platforms.map((row) => ({
      unitUscc: unit.uscc,
      kind: row.kind as NationalPlatformKind,
      name: row.name,
      ...(row.revokedOn ? { revokedOn: row.revokedOn } : {}),
    })),
    creditRecords: credits
      .filter((row) => row.kind === "bad-credit" || row.kind === "research-misconduct")
      .map((row) => ({
        subject: row.subjectKind === "unit" ? ("unit" as const) : ("director" as const),
        id: row.subjectKind === "unit" ? unit.uscc : (row.personId ?? ""),
        date: row.recordedOn,
        kind: row.kind as "bad-credit" | "research-misconduct",
        ...(row.note ? { note: row.note } : {}),
      })),
  };
}

/** The value under one key of a group or index of a list, or undefined. */
const childOf = (node: unknown, key: string | number): unknown =>
  Array.isArray(node) ? node[Number(key)] : isEntry(node) ? node[String(key)] : undefined;

/** Deletes the value at a dotted path, or the whole array element that contains it. */
function dropAt(target: FormEntry, path: ReadonlyArray<string | number>): boolean {
  const arrayIndex = path.findLastIndex((key) => typeof key === "number");
  // Inside a list: drop the whole element; elsewhere drop the object holding the bad value (a missing required
  // field cannot be fixed by deleting the field itself).
  const cut = arrayIndex >= 0 ? path.slice(0, arrayIndex + 1) : path.length > 2 ? path.slice(0, -1) : path;
  let node: unknown = target;
  for (const key of cut.slice(0, -1)) node = childOf(node, key);
  const last = cut[cut.length - 1];
  if (last === undefined) return false;
  if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
  else if (isEntry(node)) delete node[String(last)];
  else return false;
  return true;
}

const requiredPaths = new Set(["application.type", "application.field", "application", "director.name"]);

/**
 * Builds the eligibility input from the form, the unit row and the registry, and runs the rules with the call's
 * deadline as reference date. Parts of the form the rules cannot read yet (a half-filled partner) are reported as
 * input errors and left out, so the panel still shows every other finding.
 */
export async function evaluateEligibility(
  executor: Executor,
  options: {
    form: ApplicationForm;
    unit: UnitRow;
    call: CallRow;
    isKey: boolean;
    uploadedSlots: ReadonlySet<string>;
    /** The application checked, so that its siblings (Art. 7.5) leave it out. */
    applicationId?: string;
  },
): Promise<StoredEligibility> {
  const { form, unit, call } = options;
  const application: Record<string, unknown> = structuredClone(form.application ?? {});
  // Art. 7.4: the systems are present when their files are uploaded; the key flag comes from the call.
  application.managementSystems = Object.fromEntries(
    managementSystemKeys.map((key) => [key, options.uploadedSlots.has(systemSlot(key)) ? `slot:${key}` : undefined]),
  );
  application.isKey = options.isKey;
  // The editor asks for figures in 万元; an explicit unit in the form wins.
  const finance = entry(application.evidence).finance;
  if (isEntry(finance) && !finance.amountUnit) finance.amountUnit = "ten-thousand-yuan";
  if (options.isKey) application.isOffshore = true;
  const director = form.director && Object.keys(form.director).length > 0 ? structuredClone(form.director) : undefined;
  const directorPersonId = typeof director?.personId === "string" ? director.personId : null;
  const raw: Record<string, unknown> = {
    referenceDate: call.deadline,
    unit: {
      name: unit.name,
      uscc: unit.uscc,
      type: unit.type,
      registeredDivision: unit.divisionCode,
      ...(form.unitFacts?.college || unit.college ? { college: form.unitFacts?.college || unit.college } : {}),
      ...(form.unitFacts?.isIndependentLegalPerson === undefined
        ? {}
        : { isIndependentLegalPerson: form.unitFacts.isIndependentLegalPerson }),
      ...(form.unitFacts?.inExistence === undefined ? {} : { inExistence: form.unitFacts.inExistence }),
      ...(form.unitFacts?.foundedOn ? { foundedOn: form.unitFacts.foundedOn } : {}),
    },
    application,
    ...(director ? { director } : {}),
    registry: await registryFactsFor(executor, unit, directorPersonId, options.applicationId),
  };
  // The input schema refuses unknown keys; keys only the editor uses are not the rules' business, so they go here.
  dropUnknownEligibilityKeys(raw);
  const inputErrors: Problem[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const parsed = parseEligibilityInput(raw);
    if (parsed.ok) {
      const result = checkEligibility(parsed.input, {
        referenceDate: call.deadline,
        registry: parsed.input.registry,
        settings: call.settings.interpretation ?? {},
      });
      return { ...result, inputErrors };
    }
    let dropped = false;
    for (const error of parsed.errors) {
      if (inputErrors.some((known) => known.path === error.path)) continue;
      // Shown to the applicant: the form's field names and the choices' labels, not the path and codes.
      const shown = presentInputError(error);
      inputErrors.push({ path: error.path, messageZh: shown.messageZh, messageEn: shown.messageEn });
      const path = error.path.split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key));
      if (requiredPaths.has(error.path) || path[0] === "unit" || path[0] === "referenceDate") continue;
      if (path[0] === "director" && path.length === 2 && (path[1] === "name" || path[1] === "personId")) {
        delete raw.director;
        dropped = true;
        continue;
      }
      dropped = dropAt(raw, path) || dropped;
    }
    if (!dropped) break;
  }
  return { edition: call.edition, referenceDate: call.deadline, findings: [], summary: null, inputErrors };
}

/** The call's materials list, each marked present when a file is in its slot. */
export function materialsChecklist(call: CallRow, uploadedSlots: ReadonlySet<string>) {
  const listed = call.materials.length > 0 ? call.materials : defaultMaterials;
  return listed.map((material) => ({ ...material, present: uploadedSlots.has(material.slot) }));
}

/** Everything that stops a submission, each named: fail and missing findings, unreadable input, absent materials. */
export function submitBlockers(
  eligibility: StoredEligibility | null,
  materials: ReturnType<typeof materialsChecklist>,
): Problem[] {
  const blockers: Problem[] = [];
  if (!eligibility) {
    blockers.push({ path: "form", messageZh: "尚未进行资格自查。", messageEn: "The eligibility check has not run." });
  } else {
    for (const error of eligibility.inputErrors) blockers.push(error);
    for (const finding of eligibility.findings) {
      if (finding.verdict === "fail" || finding.verdict === "missing") {
        blockers.push({
          path: finding.evidence[0] ?? finding.ruleId,
          article: finding.article,
          messageZh: `第${finding.article}条：${finding.messageZh}`,
          messageEn: `Art. ${finding.article}: ${finding.messageEn}`,
        });
      }
    }
  }
  for (const material of materials) {
    if (material.required && !material.present) {
      blockers.push({
        path: `files.${material.slot}`,
        article: "14.1",
        messageZh: `缺少材料：${material.labelZh}`,
        messageEn: `Missing material: ${material.labelEn}`,
      });
    }
  }
  return blockers;
}

export async function uploadedSlotsOf(executor: Executor, applicationId: string): Promise<Set<FileSlot>> {
  const rows = await executor
    .select({ slot: applicationFiles.slot })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId));
  return new Set(rows.map((row) => row.slot as FileSlot));
}
