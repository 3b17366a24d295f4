import { describe, expect, it } from "vitest";
import { parseOsRelease, planSystemInstall } from "./system-deps.mjs";

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const mint = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const fedora = 'NAME="Fedora Linux"\nID=fedora\n';
const all = ["chromium", "fonts-noto-cjk", "poppler-utils"];

describe("planSystemInstall", () => {
  it("installs exactly the missing packages as root on Debian with apt-get", () => {
    const plan = planSystemInstall({
      missing: ["poppler-utils", "chromium"],
      isRoot: true,
      hasAptGet: true,
      osRelease: debian,
    });
    expect(plan).toEqual({
      action: "install",
      packages: ["chromium", "poppler-utils"],
      command: "apt-get install -y --no-install-recommends chromium poppler-utils",
    });
  });

  it("tells a user who is not root the exact sudo command, and installs nothing", () => {
    const plan = planSystemInstall({ missing: ["fonts-noto-cjk"], isRoot: false, hasAptGet: true, osRelease: debian });
    expect(plan.action).toBe("instruct");
    if (plan.action !== "instruct") return;
    expect(plan.command).toBe("sudo apt-get update && sudo apt-get install -y --no-install-recommends fonts-noto-cjk");
    expect(plan.message).toContain(plan.command);
    // Chinese first, then English.
    expect(plan.message.indexOf("root 用户")).toBeGreaterThan(-1);
    expect(plan.message.indexOf("root 用户")).toBeLessThan(plan.message.indexOf("Not running as root"));
  });

  it("recognises Ubuntu and its derivatives through ID and ID_LIKE", () => {
    expect(planSystemInstall({ missing: all, isRoot: true, hasAptGet: true, osRelease: ubuntu }).action).toBe(
      "install",
    );
    expect(planSystemInstall({ missing: all, isRoot: true, hasAptGet: true, osRelease: mint })).toMatchObject({
      action: "install",
      packages: all,
    });
    expect(
      planSystemInstall({ missing: all, isRoot: true, hasAptGet: true, osRelease: parseOsRelease(mint) }).action,
    ).toBe("install");
  });

  it("only instructs on another system, naming that system's packages and command", () => {
    const plan = planSystemInstall({ missing: all, isRoot: true, hasAptGet: true, osRelease: fedora });
    expect(plan).toMatchObject({
      action: "instruct",
      command: "dnf install -y chromium google-noto-sans-cjk-fonts poppler-utils",
    });
    const unknown = planSystemInstall({
      missing: ["chromium"],
      isRoot: false,
      hasAptGet: false,
      osRelease: "ID=plan9\n",
    });
    expect(unknown).toMatchObject({
      action: "instruct",
      command: "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium",
    });
    const mac = planSystemInstall({ missing: ["poppler-utils"], isRoot: false, hasAptGet: false, platform: "darwin" });
    expect(mac).toMatchObject({ action: "instruct", command: "brew install poppler" });
  });

  it("does not install without apt-get, even as root on Debian", () => {
    expect(planSystemInstall({ missing: all, isRoot: true, hasAptGet: false, osRelease: debian }).action).toBe(
      "instruct",
    );
  });

  it("installs nothing when SKIP_SYSTEM_INSTALL is set, and says so", () => {
    const plan = planSystemInstall({
      missing: ["chromium"],
      isRoot: true,
      hasAptGet: true,
      osRelease: debian,
      skip: true,
    });
    expect(plan).toMatchObject({
      action: "instruct",
      command: "apt-get update && apt-get install -y --no-install-recommends chromium",
    });
    if (plan.action === "instruct") expect(plan.message).toContain("SKIP_SYSTEM_INSTALL=1");
  });

  it("does nothing when nothing is missing", () => {
    expect(planSystemInstall({ missing: [], isRoot: true, hasAptGet: true, osRelease: debian })).toEqual({
      action: "none",
    });
    expect(planSystemInstall({ missing: [], isRoot: false, hasAptGet: false, osRelease: fedora })).toEqual({
      action: "none",
    });
  });
});
