import { createHash } from "node:crypto";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { expect, inject } from "vitest";
import { type DossierManifest, dossierManifest } from "../../../contracts/dossiers";
import type { Agent, TestApp } from "../../test/harness";
import { pdfText } from "../applications/recognition.fixtures";

/**
 * The demo's uploads were stored when the template was loaded, under the run's test root; a test app has its own
 * data directory, so the bytes are copied there for the dossier to read them (by content address, as the store does).
 */
export function shareDemoFiles(t: TestApp) {
  const source = join(inject("testRoot"), "files");
  if (existsSync(source)) cpSync(source, join(t.config.dataDir, "files"), { recursive: true });
}

export interface UnpackedDossier {
  zip: JSZip;
  manifest: DossierManifest;
  /** Every file in the zip but the manifest's own two, by path. */
  files: Map<string, Buffer>;
  /** The text of 清单.pdf. */
  manifestText: string;
}

/** Downloads a dossier, unpacks it with jszip and checks what every dossier must hold; returns its parts. */
export async function downloadDossier(agent: Agent, url: string): Promise<UnpackedDossier> {
  const response = await agent.get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers["content-type"]).toBe("application/zip");
  expect(String(response.headers["content-disposition"])).toMatch(
    /^attachment; filename=".+\.zip"; filename\*=UTF-8''/,
  );
  const zip = await JSZip.loadAsync(response.rawPayload);
  const manifestFile = zip.file("manifest.json");
  const listFile = zip.file("清单.pdf");
  expect(manifestFile).not.toBeNull();
  expect(listFile).not.toBeNull();
  const manifest = dossierManifest.parse(JSON.parse(await manifestFile!.async("string")));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === "manifest.json" || entry.name === "清单.pdf") continue;
    files.set(entry.name, await entry.async("nodebuffer"));
  }
  const list = await listFile!.async("nodebuffer");
  expect(list.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return { zip, manifest, files, manifestText: pdfText(list) };
}

export const sm3 = (content: Buffer) => createHash("sm3").update(content).digest("hex");

/** The manifest lists every file of the zip (and only those), each with its size and the SM3 of its bytes. */
export function expectManifestMatches({ manifest, files }: UnpackedDossier) {
  expect(manifest.files.map((file) => file.path).sort()).toEqual([...files.keys()].sort());
  for (const file of manifest.files) {
    const bytes = files.get(file.path)!;
    expect(file.size, file.path).toBe(bytes.length);
    expect(file.sm3, file.path).toBe(sm3(bytes));
    if (file.path.endsWith(".pdf")) expect(bytes.subarray(0, 5).toString("latin1"), file.path).toBe("%PDF-");
  }
}
