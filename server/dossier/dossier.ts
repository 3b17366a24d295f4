/**
 * A dossier (SPEC §6 一键档案): every generated document, uploaded file and record of one application or one base,
 * as the entries of a zip with a manifest. Collectors (collect-application.ts, collect-base.ts) decide what goes in
 * for the caller; zip.ts digests and streams it; manifest.ts lists it.
 */

/** Where an entry's bytes come from: rendered now, or a stored upload read from the file store as a stream. */
export type DossierSource = { content: Buffer } | { storageKey: string };

export interface DossierEntry {
  /** Path inside the zip: folder per section, safe file names ("03-申报材料/合作协议/协议.pdf"). */
  path: string;
  /** generated: a printed document with a verification code; record: a table rendered for the dossier; uploaded. */
  kind: "generated" | "record" | "uploaded";
  /** What the file is, in words ("申报书", "合作协议"). */
  titleZh: string;
  source: DossierSource;
  /** The printed code of a generated document (checkable at /verify/:code). */
  verificationCode?: string;
}

export interface Dossier {
  subject: { type: "application" | "base"; id: string };
  /** "湖北省…国际科技合作基地（联合研究）申报档案" */
  titleZh: string;
  /** The host unit: the manifest's issuer and the dossier's file name. */
  unitName: string;
  entries: DossierEntry[];
  /** What the caller's view left out, said in the manifest (an expert's view, an applicant's view of the review). */
  notes: string[];
}

/** A zip folder or file name from free text: no path separators, no control or reserved characters. */
export function safeName(name: string, fallback = "文件"): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 100);
  return cleaned || fallback;
}

/** Keeps every path in the zip unique: a second "合同.pdf" in one folder becomes "合同（2）.pdf". */
export function uniquePaths(entries: DossierEntry[]): DossierEntry[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const count = (seen.get(entry.path) ?? 0) + 1;
    seen.set(entry.path, count);
    if (count === 1) return entry;
    const dot = entry.path.lastIndexOf(".");
    const slash = entry.path.lastIndexOf("/");
    const [stem, extension] = dot > slash ? [entry.path.slice(0, dot), entry.path.slice(dot)] : [entry.path, ""];
    return { ...entry, path: `${stem}（${count}）${extension}` };
  });
}
