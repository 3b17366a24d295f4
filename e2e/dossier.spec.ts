import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseSummary } from "../contracts/bases";
import { dossierManifest } from "../contracts/dossiers";
import type { ApplicationSummary } from "../contracts/recognition";
import { pdfText } from "../server/routes/applications/recognition.fixtures";
import { demoAccounts, launchBrowser, login, newPage, screenshot } from "./browser";

const accounts = await demoAccounts();
const officer = accounts.find((account) => account.role === "officer");

/**
 * Clicks 下载档案 on the page, takes the browser's download, unpacks it and checks the manifest: every file of the
 * zip listed (and only those), each size and SM3 digest matching its bytes, every PDF a PDF. Returns the parts.
 */
async function downloadAndVerify(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByTestId("dossier-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.zip$/);
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
  const manifest = dossierManifest.parse(JSON.parse(await zip.file("manifest.json")!.async("string")));
  const contents = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === "manifest.json" || entry.name === "清单.pdf") continue;
    contents.set(entry.name, await entry.async("nodebuffer"));
  }
  expect(manifest.files.map((entry) => entry.path).sort()).toEqual([...contents.keys()].sort());
  for (const entry of manifest.files) {
    const bytes = contents.get(entry.path)!;
    expect(entry.size, entry.path).toBe(bytes.length);
    expect(entry.sm3, entry.path).toBe(createHash("sm3").update(bytes).digest("hex"));
    if (entry.path.endsWith(".pdf")) expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }
  const list = pdfText(await zip.file("清单.pdf")!.async("nodebuffer"));
  return { manifest, contents, list };
}

describe("一键档案: the officer downloads an application's and a base's dossier", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an application's dossier: the 申报书 with its code, the materials, the letter, reviews, decisions, history", async () => {
    if (!officer) throw new Error("no officer demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      const list = (await (await page.request.get("/api/applications?pageSize=200")).json()) as {
        items: ApplicationSummary[];
      };
      const application = list.items.find((item) => item.state === "in-expert-review" && item.field === "新型能源");
      expect(application).toBeDefined();
      await page.goto(`/applications/${application!.id}`);
      await page.getByTestId("application-state").waitFor();
      await screenshot(page, "dossier-application-button");
      const { manifest, contents, list: text } = await downloadAndVerify(page);
      expect(manifest.subject).toEqual({ type: "application", id: application!.id });
      const paths = [...contents.keys()];
      expect(paths).toEqual(
        expect.arrayContaining(["01-申报书/申报书.pdf", "03-推荐/推荐函.pdf", "06-办理历程/办理历程.pdf"]),
      );
      expect(paths.filter((path) => path.startsWith("02-申报材料/")).length).toBeGreaterThan(5);
      expect(pdfText(contents.get("01-申报书/申报书.pdf")!)).toContain(application!.unitName);
      expect(text).toContain(manifest.verificationCode);
      const form = manifest.files.find((entry) => entry.path === "01-申报书/申报书.pdf")!;
      const check = await page.request.get(`/api/public/verify/${form.verificationCode}`);
      expect((await check.json()).kind).toBe("application-form");
    } finally {
      await context.close();
    }
  });

  it("a base's dossier: the registry record, its annual reports as printed, its timeline", async () => {
    if (!officer) throw new Error("no officer demo account");
    const { context, page } = await newPage(browser);
    try {
      await login(page, officer.username, officer.password);
      const list = (await (await page.request.get("/api/bases?pageSize=200")).json()) as { items: BaseSummary[] };
      const base = list.items.find((item) => item.unitName === "华中科技大学" && item.field === "光电子信息");
      expect(base).toBeDefined();
      await page.goto(`/bases/${base!.id}`);
      await page.getByTestId("base-facts").waitFor();
      await screenshot(page, "dossier-base-button");
      const { manifest, contents } = await downloadAndVerify(page);
      expect(manifest.subject).toEqual({ type: "base", id: base!.id });
      expect(pdfText(contents.get("01-登记与认定/基地登记与管理记录.pdf")!)).toContain("华中科技大学");
      expect([...contents.keys()].some((path) => path.startsWith("02-年度工作报告/"))).toBe(true);
      expect(contents.has("06-基地动态/基地动态.pdf")).toBe(true);
    } finally {
      await context.close();
    }
  });
});
