import type { DossierManifest } from "../../contracts/dossiers";
import { recordPrintedDocument } from "../documents/printed-register";
import { verificationOf } from "../documents/verification";
import type { Dossier } from "./dossier";
import type { PrintContext } from "./generated";
import { officeDateTime, renderRecordPdf } from "./render";
import type { DigestedEntry } from "./zip";

/** The manifest's two files, at the zip's root; they list every other file and not themselves. */
export const manifestPaths = { json: "manifest.json", pdf: "清单.pdf" } as const;

const kindLabels: Record<DigestedEntry["kind"], string> = {
  generated: "生成文件（带验证码）",
  record: "档案记录",
  uploaded: "上传文件",
};

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The manifest as JSON and as a readable 清单.pdf: each file's path, size and SM3 digest, and for a generated
 * document its verification code. The list's own digest is a verification code of kind `dossier-manifest`,
 * registered like any printed document, so a printed 清单 is checkable too.
 */
export async function buildManifest(
  context: PrintContext,
  dossier: Dossier,
  entries: readonly DigestedEntry[],
): Promise<{ manifest: DossierManifest; files: Array<{ path: string; content: Buffer }> }> {
  const present = entries.flatMap((entry) => (entry.missing ? [] : [entry]));
  const listed = present.map((entry) => ({
    path: entry.path,
    title: entry.titleZh,
    kind: entry.kind,
    size: entry.size,
    sm3: entry.sm3,
    verificationCode: entry.verificationCode ?? null,
  }));
  const verification = verificationOf(
    "dossier-manifest",
    { subject: dossier.subject, files: listed.map((file) => ({ path: file.path, sm3: file.sm3 })) },
    context.deps.config.publicBaseUrl,
  );
  await recordPrintedDocument(context.deps, context.actor, {
    verification,
    subject: dossier.subject,
    title: `${dossier.titleZh}清单`,
    issuer: dossier.unitName,
  });
  const now = context.deps.clock.now();
  const manifest: DossierManifest = {
    title: dossier.titleZh,
    subject: dossier.subject,
    unitName: dossier.unitName,
    generatedAt: now.toISOString(),
    generatedBy: context.actor.name ?? "",
    algorithm: "SM3",
    verificationCode: verification.code,
    files: listed,
    missing: entries.flatMap((entry) => (entry.missing ? [{ path: entry.path, title: entry.titleZh }] : [])),
    notes: dossier.notes,
  };
  const pdf = await renderRecordPdf(
    {
      title: `${dossier.titleZh}清单`,
      subtitle: dossier.unitName,
      landscape: true,
      sections: [
        {
          heading: "档案信息",
          fields: [
            ["档案", dossier.titleZh],
            ["依托单位", dossier.unitName],
            ["生成时间", officeDateTime(now)],
            ["生成人", manifest.generatedBy],
            ["文件数", `${listed.length} 个（不含本清单和 manifest.json）`],
            ["摘要算法", "SM3（GB/T 32905）"],
          ],
        },
        {
          heading: "说明",
          lines: [
            ...dossier.notes,
            "核验方法：用支持国密 SM3 的工具逐个计算文件摘要，与下表一致即未被改动；带验证码的文件（含本清单）可在平台“纸质文件核验”页输入验证码核验。",
          ],
        },
        {
          heading: "文件清单",
          table: {
            columns: [
              { header: "序号", width: 5 },
              { header: "文件", width: 33 },
              { header: "类别", width: 11 },
              { header: "大小", width: 8 },
              { header: "SM3 摘要", width: 28 },
              { header: "验证码", width: 15 },
            ],
            rows: listed.map((file, index) => [
              String(index + 1),
              file.path,
              kindLabels[file.kind],
              sizeText(file.size),
              file.sm3,
              file.verificationCode ?? "",
            ]),
          },
        },
        ...(manifest.missing.length > 0
          ? [
              {
                heading: "缺失文件",
                lines: manifest.missing.map((file) => `${file.path}：存储中未找到该文件，请联系平台管理员。`),
              },
            ]
          : []),
      ],
    },
    verification,
  );
  return {
    manifest,
    files: [
      { path: manifestPaths.json, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
      { path: manifestPaths.pdf, content: pdf },
    ],
  };
}
