#!/usr/bin/env node
// The system packages the test suite needs beyond `npm ci`: Chromium, CJK fonts and poppler's pdftotext. `npm test`
// calls ensureSystemDeps() first; `node scripts/system-deps.mjs` runs the same check on its own (exit 0 when all are
// present afterwards). Installs with apt-get only as root on Debian or Ubuntu, and never when SKIP_SYSTEM_INSTALL=1;
// otherwise prints the exact command to run and fails.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Debian packages, in install order, and why the suite needs each. */
export const systemPackages = [
  {
    name: "chromium",
    zh: "Chromium：运行端到端测试（浏览器）",
    en: "Chromium: runs the end-to-end tests",
  },
  {
    name: "fonts-noto-cjk",
    zh: "fonts-noto-cjk：在截图和 PDF 中显示中文",
    en: "fonts-noto-cjk: renders Chinese in screenshots and PDFs",
  },
  {
    name: "poppler-utils",
    zh: "poppler-utils（pdftotext）：读取测试生成的 PDF",
    en: "poppler-utils (pdftotext): reads the PDFs the tests generate",
  },
];

/** The same packages on other systems, where known; `null` when that system has no package for it. */
const otherSystems = {
  fedora: {
    label: "Fedora / RHEL (dnf)",
    names: { chromium: "chromium", "fonts-noto-cjk": "google-noto-sans-cjk-fonts", "poppler-utils": "poppler-utils" },
    command: (names, sudo) => `${sudo}dnf install -y ${names.join(" ")}`,
  },
  alpine: {
    label: "Alpine (apk)",
    names: { chromium: "chromium", "fonts-noto-cjk": "font-noto-cjk", "poppler-utils": "poppler-utils" },
    command: (names, sudo) => `${sudo}apk add ${names.join(" ")}`,
  },
  arch: {
    label: "Arch (pacman)",
    names: { chromium: "chromium", "fonts-noto-cjk": "noto-fonts-cjk", "poppler-utils": "poppler" },
    command: (names, sudo) => `${sudo}pacman -S --needed ${names.join(" ")}`,
  },
  macos: {
    label: "macOS (Homebrew)",
    names: { chromium: "--cask chromium", "fonts-noto-cjk": "--cask font-noto-sans-cjk", "poppler-utils": "poppler" },
    command: (names) => names.map((name) => `brew install ${name}`).join(" && "),
  },
};

/** Parses /etc/os-release text into its KEY=value pairs (quotes removed). */
export function parseOsRelease(text) {
  const fields = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields;
}

function osIds(osRelease) {
  const fields = typeof osRelease === "string" ? parseOsRelease(osRelease) : (osRelease ?? {});
  return [fields.ID, ...(fields.ID_LIKE ?? "").split(/\s+/)].filter(Boolean).map((id) => id.toLowerCase());
}

function systemOf(osRelease, platform) {
  if (platform === "darwin") return "macos";
  const ids = osIds(osRelease);
  if (ids.some((id) => id === "debian" || id === "ubuntu")) return "debian";
  if (ids.some((id) => ["fedora", "rhel", "centos", "rocky", "almalinux"].includes(id))) return "fedora";
  if (ids.includes("alpine")) return "alpine";
  if (ids.includes("arch")) return "arch";
  return "unknown";
}

const aptInstall = "apt-get install -y --no-install-recommends";

/**
 * What to do about missing system packages — pure, so it can be tested.
 * @param {{missing: string[], isRoot: boolean, hasAptGet: boolean, osRelease?: string | Record<string, string>,
 *   skip?: boolean, platform?: string}} input missing: Debian package names; osRelease: /etc/os-release text or fields
 * @returns {{action: "none"} | {action: "install", packages: string[], command: string}
 *   | {action: "instruct", packages: string[], command: string, message: string}}
 */
export function planSystemInstall({ missing, isRoot, hasAptGet, osRelease, skip = false, platform = "linux" }) {
  if (missing.length === 0) return { action: "none" };
  const packages = systemPackages.map((p) => p.name).filter((name) => missing.includes(name));
  const system = systemOf(osRelease, platform);
  const sudo = isRoot ? "" : "sudo ";
  if (system === "debian" && isRoot && hasAptGet && !skip) {
    return { action: "install", packages, command: `${aptInstall} ${packages.join(" ")}` };
  }

  const why = packages.map((name) => systemPackages.find((p) => p.name === name));
  const header =
    `测试需要以下系统软件包，但尚未安装 / the tests need these system packages, which are missing:\n` +
    why.map((p) => `  - ${p.zh} / ${p.en}`).join("\n");
  let reasonZh;
  let reasonEn;
  let command;
  let names = packages;
  if (system === "debian" || system === "unknown") {
    command = `${sudo}apt-get update && ${sudo}${aptInstall} ${packages.join(" ")}`;
    if (skip) {
      reasonZh = "已设置 SKIP_SYSTEM_INSTALL=1，不自动安装。请运行：";
      reasonEn = "SKIP_SYSTEM_INSTALL=1 is set, so nothing is installed automatically. Run:";
    } else if (system === "unknown") {
      reasonZh =
        "无法识别此操作系统，只能在 Debian/Ubuntu 上自动安装。请用本系统的包管理器安装对应软件包；Debian 上的命令是：";
      reasonEn =
        "This operating system is not recognised; automatic installation works only on Debian/Ubuntu. Install the " +
        "equivalent packages with your package manager; on Debian the command is:";
    } else if (!isRoot) {
      reasonZh = "当前不是 root 用户，无法自动安装。请运行：";
      reasonEn = "Not running as root, so they cannot be installed automatically. Run:";
    } else {
      reasonZh = "找不到 apt-get，无法自动安装。请安装后运行：";
      reasonEn = "apt-get was not found, so they cannot be installed automatically. Once it is available, run:";
    }
  } else {
    const other = otherSystems[system];
    names = packages.map((name) => other.names[name]);
    command = other.command(names, system === "macos" ? "" : sudo);
    const chromiumNote =
      system === "macos" && packages.includes("chromium")
        ? {
            zh: "（然后设置 CHROMIUM_PATH 为 Chromium 可执行文件的路径）",
            en: " (then set CHROMIUM_PATH to the Chromium binary)",
          }
        : { zh: "", en: "" };
    reasonZh = `自动安装只支持 Debian/Ubuntu（apt-get）${skip ? "，且已设置 SKIP_SYSTEM_INSTALL=1" : ""}。在 ${other.label} 上请运行${chromiumNote.zh}：`;
    reasonEn = `Automatic installation is only done on Debian/Ubuntu (apt-get)${skip ? ", and SKIP_SYSTEM_INSTALL=1 is set" : ""}. On ${other.label} run${chromiumNote.en}:`;
  }
  const message = `${header}\n${reasonZh}\n${reasonEn}\n\n  ${command}\n`;
  return { action: "instruct", packages: names, command, message };
}

function onPath(binary, env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

// The Debian package, or any Noto CJK font fontconfig knows. With neither dpkg nor fc-list there is no way to tell:
// then it is not reported missing (an instruction that can never be satisfied helps nobody).
function cjkFontPresent() {
  const dpkg = spawnSync("dpkg", ["-s", "fonts-noto-cjk"], { encoding: "utf8" });
  if (dpkg.status === 0 && /^Status: install ok installed$/m.test(dpkg.stdout)) return true;
  const fonts = spawnSync("fc-list", [], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (fonts.error && dpkg.error) return true;
  return fonts.status === 0 && /Noto (Sans|Serif) CJK/i.test(fonts.stdout);
}

/** The Debian package names of what is missing on this machine right now. */
export function detectMissing(env = process.env) {
  const missing = [];
  if (!existsSync(env.CHROMIUM_PATH || "/usr/bin/chromium")) missing.push("chromium");
  if (!cjkFontPresent()) missing.push("fonts-noto-cjk");
  if (!onPath("pdftotext", env)) missing.push("poppler-utils");
  return missing;
}

function readOsRelease() {
  for (const path of ["/etc/os-release", "/usr/lib/os-release"]) {
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  return undefined;
}

function apt(args, env) {
  console.log(`\n$ ${["apt-get", ...args].join(" ")}`);
  const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.status === 0;
}

/**
 * Makes sure Chromium, the CJK fonts and pdftotext are present, installing them when this machine can (see
 * planSystemInstall). Returns true when everything is present; otherwise it has printed why and what to run.
 */
export function ensureSystemDeps(env = process.env) {
  const chromiumPath = env.CHROMIUM_PATH;
  if (chromiumPath && !existsSync(chromiumPath)) {
    console.error(
      `CHROMIUM_PATH 指向的文件不存在：${chromiumPath}。请改正它，或取消设置以使用 /usr/bin/chromium。\n` +
        `CHROMIUM_PATH points to a file that does not exist: ${chromiumPath}. Fix it, or unset it to use /usr/bin/chromium.`,
    );
    return false;
  }
  const missing = detectMissing(env);
  const plan = planSystemInstall({
    missing,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath("apt-get", env),
    osRelease: readOsRelease(),
    skip: env.SKIP_SYSTEM_INSTALL === "1" || env.SKIP_SYSTEM_INSTALL === "true",
    platform: process.platform,
  });
  if (plan.action === "none") return true;
  if (plan.action === "instruct") {
    console.error(plan.message);
    return false;
  }

  const why = plan.packages.map((name) => systemPackages.find((p) => p.name === name));
  console.log(
    `正在用 apt-get 安装测试所需的系统软件包（设置 SKIP_SYSTEM_INSTALL=1 可关闭自动安装）：\n` +
      why.map((p) => `  - ${p.zh}`).join("\n") +
      `\nInstalling the system packages the tests need with apt-get (SKIP_SYSTEM_INSTALL=1 turns this off):\n` +
      why.map((p) => `  - ${p.en}`).join("\n"),
  );
  const installed = apt(["update"], env) && apt(["install", "-y", "--no-install-recommends", ...plan.packages], env);
  const still = detectMissing(env);
  if (!installed || still.length > 0) {
    const command = `apt-get update && ${plan.command}`;
    console.error(
      `\n安装失败${still.length > 0 ? `，仍缺少：${still.join(" ")}` : ""}。请检查上面 apt-get 的输出后手动运行：\n` +
        `Installation failed${still.length > 0 ? `; still missing: ${still.join(" ")}` : ""}. Check the apt-get output above, then run:\n\n  ${command}\n`,
    );
    return false;
  }
  console.log(`已安装 / installed: ${plan.packages.join(" ")}\n`);
  return true;
}

const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  if (ensureSystemDeps()) {
    console.log("系统软件包齐全 / system packages present: chromium fonts-noto-cjk poppler-utils");
  } else {
    process.exit(1);
  }
}
