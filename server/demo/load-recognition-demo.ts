import { Document, Packer, Paragraph } from "docx";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import type { z } from "zod";
import type { eventRequest } from "../../contracts/recognition";
import { baseImportColumns } from "../../contracts/registry";
import type { CommandDeps } from "../commands/command";
import { calls, people, recommenders, units } from "../db/schema";
import { attachApplicationFile } from "../recognition/application-files";
import { createCall, moveCall } from "../recognition/calls";
import { importBases } from "../recognition/import-bases";
import { defaultMaterials, requiredDemoSlots } from "../recognition/materials";
import { rankApplications } from "../recognition/recommendations";
import { recordCreditRecord, recordNationalPlatform } from "../recognition/registry-facts";
import { createApplication } from "../recognition/save-application";
import { fireApplicationEvent } from "../recognition/transition-application";
import { fileStoreFor, type StorageSettings } from "../storage/files";
import { type DemoApplicantKey, demoApplicantUsername, ensureDemoApplicants } from "./demo-applicants";
import { demoInvocation } from "./demo-invocation";
import { demoEvidenceDates, demoTimeline } from "./demo-timeline";

const demoCallTitle = "关于开展年度湖北省国际科技合作基地认定工作的通知（演示）";

/** A form that passes every rule for the given deadline: dates are placed inside its look-back windows. */
function demoForm(
  deadline: string,
  field: string,
  director: { name: string; personId: string; title: string },
  type = "joint-research",
) {
  const dates = demoEvidenceDates(deadline);
  return {
    unitFacts: { isIndependentLegalPerson: true, inExistence: true, foundedOn: "2010-05-18" },
    application: {
      type,
      field,
      countries: { key: ["DE"], main: ["FR", "SG"], radiating: ["IT", "TH"] },
      partners: [
        {
          name: "弗劳恩霍夫激光技术研究所",
          originalName: "Fraunhofer ILT",
          country: "DE",
          field,
          agreement: dates.agreements[0]!,
        },
        {
          name: "法国国家科学研究中心",
          originalName: "CNRS",
          country: "FR",
          field,
          agreement: dates.agreements[1]!,
        },
        {
          name: "新加坡国立大学",
          originalName: "National University of Singapore",
          country: "SG",
          field,
          agreement: dates.agreements[2]!,
        },
      ],
      team: {
        members: [
          { name: director.name, role: "基地负责人", hasInternationalExperience: true },
          { name: "陈晓", role: "国际合作主管", hasInternationalExperience: true },
          { name: "王磊", role: "技术骨干" },
        ],
      },
      developmentGoals: `围绕${field}领域，与德国、法国、新加坡知名机构共建联合实验室，三年内联合承担国际合作项目5项。`,
      operatingMechanism: "理事会领导下的主任负责制，设国际学术委员会，实行开放课题与人员互访制度。",
      evidence: {
        internationalProjects: [
          { title: "省国际科技合作重点项目", level: "provincial", date: dates.internationalProject },
        ],
        jointPapers: dates.jointPapers.map((date) => ({ date })),
        finance: {
          amountUnit: "ten-thousand-yuan",
          years: dates.completeYears.map((year) => ({ year, revenue: 15000, rdExpense: 800 })),
        },
        ownIntellectualProperty: [{ title: "一种超快激光加工方法（发明专利）" }],
        transferServiceTeam: { size: 6 },
        transferProjects: dates.transferProjects.map((date) => ({ date })),
        transferEvents: dates.transferEvents.map((date) => ({ date })),
        cooperationResults: "联合研发成果在省内企业转化应用，带动区域开放创新。",
      },
      attestations: { truthful: true, noStateSecrets: true, partnersNoObjection: true },
    },
    director: {
      name: director.name,
      personId: director.personId,
      title: director.title,
      hasEquivalentAbility: true,
      fullTime: true,
      fullTimeBasis: "social-insurance",
      isResearchLead: true,
    },
  };
}

/** Real .docx and .pdf files that stand in for the applicants' signed and stamped materials in the demo. */
async function demoMaterialFiles() {
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph("演示材料（Demo material）")] }] }),
  );
  const pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text("Demo material - stands for a stamped scan");
    doc.end();
  });
  return { docx, pdf };
}

async function registryWorkbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("基地登记册");
  sheet.addRow([...baseImportColumns]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Recognition demo (issue 4): an open call with applications in every state this part owns — draft, submitted at
 * 东湖, submitted at Wuhan, returned, declined, recommended, correction requested, formal review passed, in expert
 * review — created through the same commands users trigger, so each demo role finds work waiting. Registry facts
 * (an imported base, a national platform, an old credit record) feed the eligibility panel.
 */
export async function loadRecognitionDemo(deps: CommandDeps, storage: StorageSettings): Promise<void> {
  const db = deps.database.db;
  const [existing] = await db.select({ id: calls.id }).from(calls).where(eq(calls.titleZh, demoCallTitle));
  if (existing) return;
  const store = fileStoreFor(storage);
  const unitId = async (name: string) => (await db.select().from(units).where(eq(units.name, name)))[0]!;
  const hust = await unitId("华中科技大学");
  const yichang = await unitId("宜昌三峡新材料股份有限公司");
  const officer = await demoInvocation(deps, "officer");

  // Registry facts (5a): an existing base imported from Excel, a national platform, an old credit record.
  await importBases(
    deps,
    officer.actor,
    await registryWorkbook([
      [
        "湖北省光电子信息国际科技合作基地（联合研究）",
        hust.name,
        hust.uscc,
        "联合研究类",
        "光电子信息",
        "张明",
        "德国、俄罗斯",
        "2022-12-16",
        "鄂科技发外〔2022〕18号",
        "2022年办法",
      ],
    ]),
  );
  await recordNationalPlatform(deps, officer.actor, {
    unitId: hust.id,
    kind: "bri-joint-laboratory",
    name: "“一带一路”光电子联合实验室（演示）",
    approvedOn: "2021-06-01",
    documentNumber: null,
  });
  await recordCreditRecord(deps, officer.actor, {
    subjectKind: "unit",
    unitId: yichang.id,
    personId: null,
    kind: "bad-credit",
    recordedOn: "2019-04-02",
    source: "信用中国（演示，已超过3年）",
    note: null,
  });

  const { opensAt, closesAt, deadline, year } = demoTimeline(deps.clock.now()).openCall;
  const callId = await createCall(deps, officer.actor, {
    year,
    kind: "annual",
    titleZh: demoCallTitle,
    titleEn: "Annual call for provincial international S&T cooperation bases (demo)",
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    deadline,
    focusFields: ["人工智能", "光电子信息", "新材料", "生物医药"],
    rubric: {
      id: "rubric-demo",
      titleZh: "省国合基地认定评审指标（演示）",
      indicators: [
        {
          id: "foundation",
          labelZh: "国际合作基础",
          labelEn: "Cooperation record",
          weight: 0.4,
          min: 0,
          max: 40,
          article: "7.2",
        },
        {
          id: "team",
          labelZh: "团队与负责人",
          labelEn: "Team and director",
          weight: 0.3,
          min: 0,
          max: 30,
          article: "12",
        },
        { id: "plan", labelZh: "建设工作方案", labelEn: "Work plan", weight: 0.3, min: 0, max: 30, article: "7.3" },
      ],
    },
    quotas: {},
    defaultQuota: 5,
    invitedUnitIds: [],
  });
  await moveCall(deps, officer.actor, callId, "open");

  const files = await demoMaterialFiles();
  const person = async (name: string) => (await db.select().from(people).where(eq(people.name, name)))[0]!.id;
  // Art. 14.1: one application per unit per call — the round's stages are held by several units.
  const applicants = await ensureDemoApplicants(deps);
  const directors: Record<string, { name: string; personId: string; title: string }> = {
    "app.wuhan-ent": { name: "刘洋", personId: await person("刘洋"), title: "senior" },
    "app.yichang": { name: "赵峡", personId: await person("赵峡"), title: "associate-senior" },
    "app.hust": { name: "张明", personId: await person("张明"), title: "senior" },
  };
  for (const { username, director } of applicants.values()) directors[username] = director;
  const applicant = (key: DemoApplicantKey) => demoApplicantUsername(key);
  const run = async (
    username: string,
    id: string,
    event: z.infer<typeof eventRequest>["event"],
    reason?: string,
    checklist?: Record<string, boolean>,
  ) => {
    const { caller, actor } = await demoInvocation(deps, username);
    await fireApplicationEvent(
      { deps, actor, caller },
      {
        applicationId: id,
        request: { event, ...(reason ? { reason } : {}), ...(checklist ? { checklist } : {}) },
      },
    );
  };
  const start = async (username: string, field: string, options: { complete?: boolean; type?: string } = {}) => {
    const { caller, actor } = await demoInvocation(deps, username);
    const form = demoForm(deadline, field, directors[username]!, options.type);
    const id = await createApplication(
      deps,
      actor,
      caller,
      options.complete === false
        ? { callId, form: { application: { type: form.application.type, field } } }
        : { callId, form },
    );
    if (options.complete === false) return id;
    for (const slot of requiredDemoSlots) {
      // Named as a person would name it (申报书（Word版）.docx), never by the slot's code.
      const label = defaultMaterials.find((material) => material.slot === slot)?.labelZh ?? "申报材料";
      await attachApplicationFile(deps, store, actor, caller, {
        applicationId: id,
        slot,
        name: `${label}.${slot.endsWith("docx") ? "docx" : "pdf"}`,
        content: slot.endsWith("docx") ? files.docx : files.pdf,
      });
    }
    await fireApplicationEvent({ deps, actor, caller }, { applicationId: id, request: { event: "submit" } });
    return id;
  };
  const checklist = {
    "materials-complete": true,
    "stamped-copies": true,
    "commitment-signed": true,
    "recommendation-letter": true,
    eligibility: true,
  };

  await start(applicant("zhilian"), "新能源与智能网联汽车", { complete: false }); // draft
  await start(applicant("zhuangbei"), "高端装备"); // submitted, waiting at 东湖
  const atWuhan = await start("app.wuhan-ent", "光电子信息");
  await run("rec.donghu", atWuhan, "pass-up"); // submitted, waiting at Wuhan
  const recommended = await start(applicant("zhineng"), "人工智能");
  await run("rec.donghu", recommended, "pass-up");
  await run("rec.wuhan", recommended, "recommend");
  const correction = await start(applicant("xinpian"), "高端芯片");
  await run("rec.donghu", correction, "pass-up");
  await run("rec.wuhan", correction, "recommend");
  await run("officer", correction, "request-correction", "建设工作方案盖章页缺失，请补正后重新提交。", {
    ...checklist,
    "stamped-copies": false,
  });
  const passed = await start(applicant("liangzi"), "量子与光子科技");
  await run("rec.donghu", passed, "pass-up");
  await run("rec.wuhan", passed, "recommend");
  await run("officer", passed, "pass-formal-review", undefined, checklist);
  const inReview = await start(applicant("nengyuan"), "新型能源");
  await run("rec.donghu", inReview, "pass-up");
  await run("rec.wuhan", inReview, "recommend");
  await run("officer", inReview, "pass-formal-review", undefined, checklist);
  await run("officer", inReview, "send-to-review");
  const returned = await start(applicant("xiling"), "新材料", { type: "characteristic" });
  await run("rec.yichang", returned, "return", "请补充与新加坡国立大学合作协议的有效期证明。");
  const declined = await start("app.yichang", "高端装备", { type: "technology-transfer" });
  await run("rec.yichang", declined, "decline", "本年度该领域已推荐，建议明年申报。");
  await start("app.hust", "人工智能", { complete: false }); // HUST drafting; it recommends itself directly (Art. 17)

  const wuhan = (await db.select().from(recommenders).where(eq(recommenders.code, "420100")))[0]!;
  const city = await demoInvocation(deps, "rec.wuhan");
  await rankApplications(deps, city.actor, city.caller, {
    callId,
    recommenderId: wuhan.id,
    order: [inReview, passed, recommended, correction],
  });
}
