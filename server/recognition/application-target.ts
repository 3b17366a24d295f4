import { and, asc, eq } from "drizzle-orm";
import type { EligibilityResult } from "../../policy/eligibility/engine";
import type { Rubric } from "../../policy/grading/rubric";
import { accept, refuse } from "../../policy/refusal";
import type { Executor } from "../db/client";
import { applicationFiles, applications, calls, files, roleGrants, units } from "../db/schema";
import type { AwaitingReviewTarget, ReviewMaterials, ReviewTargetFacts, ReviewTargetProvider } from "../review/targets";

type Form = {
  application?: {
    developmentGoals?: string;
    operatingMechanism?: string;
    countries?: { key?: string[]; main?: string[]; radiating?: string[] };
    partners?: Array<{ name: string; country: string }>;
    avoidances?: Array<{ expertId?: string; personId?: string; unitName?: string; reason: string }>;
    collaborations?: Array<{ personId: string; year: number; note?: string }>;
  };
  director?: { name?: string; title?: string; unitId?: string };
};

async function load(executor: Executor, id: string) {
  const [row] = await executor
    .select({ application: applications, unitName: units.name, rubric: calls.rubric })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, id));
  return row ?? null;
}

/** An application as a review target: recognition's side of the contract in server/review/targets.ts. */
export const applicationTarget: ReviewTargetProvider = {
  kind: "application",

  async facts(executor, id): Promise<ReviewTargetFacts | null> {
    const row = await load(executor, id);
    if (!row) return null;
    const form = row.application.form as Form;
    return {
      kind: "application",
      id,
      title: row.application.standardName ?? row.unitName,
      field: row.application.field ?? "",
      unitId: row.application.unitId,
      unitName: row.unitName,
      directorPersonId: row.application.directorPersonId,
      directorUnitId: form.director?.unitId ?? null,
      declaredAvoidances: form.application?.avoidances ?? [],
      declaredCollaborations: form.application?.collaborations ?? [],
    };
  },

  async materials(executor, id): Promise<ReviewMaterials | null> {
    const row = await load(executor, id);
    if (!row) return null;
    const form = row.application.form as Form;
    const app = form.application ?? {};
    const attached = await executor
      .select({
        fileId: files.id,
        slot: applicationFiles.slot,
        name: files.name,
        mediaType: files.mediaType,
        size: files.size,
      })
      .from(applicationFiles)
      .innerJoin(files, eq(files.id, applicationFiles.fileId))
      .where(and(eq(applicationFiles.applicationId, id)));
    const list = (values?: string[]) => (values ?? []).join("、");
    return {
      title: row.application.standardName ?? row.unitName,
      sections: [
        {
          headingZh: "基本情况",
          headingEn: "Basics",
          items: [
            { labelZh: "依托单位", labelEn: "Host unit", value: row.unitName },
            { labelZh: "领域", labelEn: "Field", value: row.application.field ?? "" },
            { labelZh: "基地负责人", labelEn: "Director", value: form.director?.name ?? "" },
            { labelZh: "重点合作国家（地区）", labelEn: "Key countries", value: list(app.countries?.key) },
            { labelZh: "主要合作国家（地区）", labelEn: "Main countries", value: list(app.countries?.main) },
            { labelZh: "辐射合作国家（地区）", labelEn: "Radiating countries", value: list(app.countries?.radiating) },
          ],
        },
        {
          headingZh: "发展目标与运行机制",
          headingEn: "Goals and mechanism",
          items: [
            { labelZh: "发展目标", labelEn: "Goals", value: app.developmentGoals ?? "" },
            { labelZh: "运行机制", labelEn: "Mechanism", value: app.operatingMechanism ?? "" },
            {
              labelZh: "合作机构",
              labelEn: "Partners",
              value: (app.partners ?? []).map((p) => `${p.name}（${p.country}）`).join("；"),
            },
          ],
        },
      ],
      files: attached,
      findings: (row.application.eligibility as EligibilityResult | null)?.findings ?? [],
    };
  },

  async canStartReview(executor, id) {
    const row = await load(executor, id);
    if (!row) {
      return refuse({ code: "not-found", messageZh: "申报不存在。", messageEn: "Application not found." });
    }
    if (row.application.state !== "in-expert-review") {
      return refuse({
        code: "not-in-expert-review",
        article: "14.2",
        messageZh: "该申报尚未进入专家评审阶段。",
        messageEn: "The application is not in expert review.",
      });
    }
    const [call] = await executor
      .select({ titleZh: calls.titleZh })
      .from(calls)
      .where(eq(calls.id, row.application.callId));
    return accept({ groupId: row.application.callId, groupTitle: call?.titleZh ?? row.application.callId });
  },

  /** Art. 14.2: applications the officers sent to expert review, oldest call and name first. */
  async awaiting(executor): Promise<AwaitingReviewTarget[]> {
    const rows = await executor
      .select({
        id: applications.id,
        standardName: applications.standardName,
        field: applications.field,
        unitName: units.name,
        callId: calls.id,
        callTitle: calls.titleZh,
      })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(eq(applications.state, "in-expert-review"))
      .orderBy(asc(calls.createdAt), asc(applications.standardName), asc(applications.id));
    return rows.map((row) => ({
      id: row.id,
      title: row.standardName ?? row.unitName,
      unitName: row.unitName,
      field: row.field ?? "",
      groupId: row.callId,
      groupTitle: row.callTitle,
    }));
  },

  async rubric(executor, id): Promise<Rubric | null> {
    const row = await load(executor, id);
    return row ? (row.rubric as Rubric) : null;
  },

  /**
   * Recognition owns the application's state: the officers are told the panel is complete and move it on
   * ("complete-review") themselves, seeing the scores first.
   */
  async onReviewCompleted(context, id, result) {
    const officers = await context.tx
      .select({ id: roleGrants.accountId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
    const [row] = await context.tx
      .select({ name: applications.standardName })
      .from(applications)
      .where(eq(applications.id, id));
    await context.enqueue({
      kind: "notify",
      accountIds: officers.map((officer) => officer.id),
      titleZh: `专家评审已完成：${row?.name ?? id}（平均分 ${result.mean.toFixed(2)}）`,
      titleEn: `Expert review complete: ${row?.name ?? id} (mean ${result.mean.toFixed(2)})`,
      link: `/applications/${id}`,
    });
  },
};
