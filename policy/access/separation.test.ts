import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Role, roles } from "../roles";
import {
  type AccountActor,
  type AccountFacts,
  accountOffer,
  administratorRoles,
  decideAccountAction,
  decideGrantDecision,
  decideGrantRequest,
  decideNewAccountRoles,
  decidePasswordReset,
  decideRevocationRequest,
  type GrantFacts,
  grantDecisionsOffered,
  isAdministratorRole,
  roleSetRefusal,
} from "./separation";

const sysadmin: AccountActor = { accountId: "sys", roles: ["sysadmin"] };
const secadmin: AccountActor = { accountId: "sec", roles: ["secadmin"] };
const auditor: AccountActor = { accountId: "aud", roles: ["auditor"] };

const ids = (function* () {
  for (let n = 1; ; n += 1) yield `g${n}`;
})();
const grant = (role: Role, status: GrantFacts["status"] = "approved", extra: Partial<GrantFacts> = {}): GrantFacts => ({
  id: ids.next().value as string,
  role,
  status,
  requestedBy: "sys",
  revokes: null,
  ...extra,
});
const account = (id: string, grants: GrantFacts[], extra: Partial<AccountFacts> = {}): AccountFacts => ({
  id,
  service: false,
  disabled: false,
  locked: false,
  grants,
  ...extra,
});

const sysadminAccount = account("sys", [grant("sysadmin", "approved", { requestedBy: null })]);
const secadminAccount = account("sec", [grant("secadmin", "approved", { requestedBy: null })]);
const auditorAccount = account("aud", [grant("auditor", "approved", { requestedBy: null })]);
const officerAccount = account("off", [grant("officer")]);

describe("rule 1: one administrator role per account, and none beside a business role", () => {
  it("refuses two administrator roles on one account, naming 三员分立 and both roles", () => {
    const refusal = roleSetRefusal(["sysadmin", "auditor"]);
    expect(refusal).toMatchObject({ code: "administrators-separated", path: "roles" });
    expect(refusal?.messageZh).toContain("三员分立");
    expect(refusal?.messageZh).toContain("系统管理员、审计管理员");
    expect(refusal?.messageEn).toContain("System administrator, Auditor");
    expect(refusal?.messageZh).toContain("GB/T 22239-2019");
  });

  it("refuses an administrator role beside a business role", () => {
    expect(roleSetRefusal(["officer", "secadmin"])).toMatchObject({
      code: "administrator-without-business-roles",
      messageZh: expect.stringContaining("安全管理员不能与业务角色省科技厅"),
    });
  });

  it("accepts one administrator role alone and any set of business roles", () => {
    for (const role of administratorRoles) expect(roleSetRefusal([role, role])).toBeNull();
    expect(roleSetRefusal(["applicant", "recommender"])).toBeNull();
    expect(roleSetRefusal([])).toBeNull();
  });

  it("holds for every set of roles (property)", () => {
    fc.assert(
      fc.property(fc.subarray([...roles]), (set) => {
        const administrators = set.filter(isAdministratorRole).length;
        const ok = administrators === 0 || (administrators === 1 && set.length === 1);
        expect(roleSetRefusal(set) === null).toBe(ok);
      }),
    );
  });

  it("at account creation in the platform: no administrator role at all, the mixed sets named first", () => {
    expect(decideNewAccountRoles(["sysadmin", "auditor"])).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "administrators-separated" },
    });
    expect(decideNewAccountRoles(["auditor"])).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "administrator-role-out-of-band", path: "roles" },
    });
    expect(decideNewAccountRoles(["officer"])).toEqual({ ok: true });
  });
});

describe("grant requests and their approval", () => {
  it("probe: the system administrator asks for the auditor role on its own account → 三员分立 (422)", () => {
    expect(decideGrantRequest(sysadminAccount, sysadmin, "auditor")).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "administrators-separated", path: "role" },
    });
  });

  it("probe: approving a pending auditor grant on an account holding sysadmin → 三员分立 (422)", () => {
    const pending = grant("auditor", "pending");
    const target = account("sys", [...sysadminAccount.grants, pending]);
    expect(decideGrantDecision(target, secadmin, pending.id, "approve")).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "administrators-separated" },
    });
    // …and it can still be rejected, to clear it.
    expect(decideGrantDecision(target, secadmin, pending.id, "reject")).toEqual({ ok: true });
  });

  it("counts pending requests at request time, approved roles only at approval", () => {
    const pendingAuditor = grant("auditor", "pending");
    const fresh = account("new", [pendingAuditor]);
    expect(decideGrantRequest(fresh, sysadmin, "officer")).toMatchObject({
      kind: "rule",
      refusal: { code: "administrator-without-business-roles" },
    });
    const officerPending = grant("officer", "pending");
    const both = account("new", [grant("expert"), officerPending]);
    expect(decideGrantDecision(both, secadmin, officerPending.id, "approve")).toEqual({ ok: true });
  });

  it("administrator roles are never requested or approved in the platform", () => {
    for (const role of administratorRoles) {
      expect(decideGrantRequest(account("new", []), sysadmin, role)).toMatchObject({
        kind: "rule",
        refusal: { code: "administrator-role-out-of-band" },
      });
      const pending = grant(role, "pending");
      expect(decideGrantDecision(account("new", [pending]), secadmin, pending.id, "approve")).toMatchObject({
        kind: "rule",
        refusal: { code: "administrator-role-out-of-band" },
      });
    }
  });

  it("business roles: requested once, by the role-grant.request holder only", () => {
    expect(decideGrantRequest(officerAccount, sysadmin, "expert")).toEqual({ ok: true });
    expect(decideGrantRequest(officerAccount, sysadmin, "officer")).toMatchObject({
      kind: "conflict",
      refusal: { code: "grant-exists" },
    });
    expect(decideGrantRequest(officerAccount, secadmin, "expert")).toMatchObject({ kind: "forbidden" });
  });

  it("nobody decides a request for their own account or one they made; a decided request stays decided", () => {
    const own = grant("officer", "pending");
    expect(decideGrantDecision(account("sec", [own]), secadmin, own.id, "approve")).toMatchObject({
      kind: "forbidden",
      refusal: { code: "separation-of-duties" },
    });
    const madeBySec = grant("officer", "pending", { requestedBy: "sec" });
    expect(decideGrantDecision(account("x", [madeBySec]), secadmin, madeBySec.id, "reject")).toMatchObject({
      kind: "forbidden",
    });
    const done = grant("officer", "approved");
    expect(decideGrantDecision(account("x", [done]), secadmin, done.id, "approve")).toMatchObject({
      kind: "conflict",
      refusal: { code: "grant-decided" },
    });
    expect(decideGrantDecision(account("x", [done]), sysadmin, done.id, "approve")).toMatchObject({
      kind: "forbidden",
    });
    expect(grantDecisionsOffered(account("x", [done]), secadmin, done.id)).toEqual([]);
  });
});

describe("rule 3: no administrator acts on an administrator's account", () => {
  it("probe: the system administrator cannot disable the auditor or the security administrator", () => {
    for (const target of [auditorAccount, secadminAccount]) {
      expect(decideAccountAction(target, sysadmin, "disable")).toMatchObject({
        ok: false,
        kind: "forbidden",
        refusal: { code: "administrator-account" },
      });
    }
  });

  it("covers every action of every administrator on every administrator account, its own included", () => {
    for (const actor of [sysadmin, secadmin, auditor]) {
      for (const target of [sysadminAccount, secadminAccount, auditorAccount]) {
        for (const action of ["disable", "enable", "unlock", "link-expert"] as const) {
          expect(decideAccountAction(target, actor, action).ok).toBe(false);
        }
        expect(decideGrantRequest(target, actor, "officer").ok).toBe(false);
        expect(decideRevocationRequest(target, actor, target.grants[0]!.id).ok).toBe(false);
        expect(accountOffer(target, actor)).toEqual({ abilities: [], requestableRoles: [], revocableGrants: [] });
      }
    }
    expect(decideRevocationRequest(sysadminAccount, sysadmin, sysadminAccount.grants[0]!.id)).toMatchObject({
      kind: "forbidden",
      refusal: { code: "administrator-account", messageZh: expect.stringContaining("系统管理员账号") },
    });
  });

  it("business accounts: the system administrator disables, enables, unlocks; the security administrator unlocks", () => {
    const locked = account("off", officerAccount.grants as GrantFacts[], { locked: true });
    expect(accountOffer(locked, sysadmin).abilities).toEqual([
      "account.update",
      "account.unlock",
      "role-grant.request",
      "account.reset-password",
    ]);
    expect(accountOffer(locked, secadmin).abilities).toEqual(["account.unlock"]);
    expect(accountOffer(locked, auditor).abilities).toEqual([]);
    expect(accountOffer(locked, sysadmin).requestableRoles).toEqual([
      "applicant",
      "recommender",
      "expert",
      "evaluator",
    ]);
    expect(decideAccountAction(locked, secadmin, "disable")).toMatchObject({ kind: "forbidden" });
  });

  it("passwords: the system administrator resets a business account's, never an administrator's nor its own", () => {
    expect(decidePasswordReset(officerAccount, sysadmin, "account.reset-password").ok).toBe(true);
    for (const actor of [sysadmin, secadmin, auditor]) {
      for (const target of [sysadminAccount, secadminAccount, auditorAccount]) {
        expect(decidePasswordReset(target, actor, "account.reset-password")).toMatchObject({
          ok: false,
          kind: "forbidden",
        });
      }
    }
    expect(decidePasswordReset(secadminAccount, sysadmin, "account.reset-password")).toMatchObject({
      refusal: { code: "administrator-account", messageZh: expect.stringContaining("服务器控制台") },
    });
    expect(decidePasswordReset(officerAccount, secadmin, "account.reset-password").ok).toBe(false);
    // A unit administrator (applicant) resets a colleague's, not its own.
    const unitAdmin: AccountActor = { accountId: "ua", roles: ["applicant"] };
    const colleague = account("col", [grant("applicant")]);
    expect(decidePasswordReset(colleague, unitAdmin, "unit-account.manage").ok).toBe(true);
    expect(decidePasswordReset(account("ua", [grant("applicant")]), unitAdmin, "unit-account.manage")).toMatchObject({
      refusal: { code: "own-account" },
    });
    expect(decidePasswordReset(colleague, unitAdmin, "account.reset-password").ok).toBe(false);
  });

  it("the link to the expert pool is offered where the expert role is held or requested", () => {
    const expert = account("exp", [grant("expert", "pending")]);
    expect(accountOffer(expert, sysadmin).abilities).toContain("account.create");
    expect(accountOffer(officerAccount, sysadmin).abilities).not.toContain("account.create");
  });
});

describe("rule 4: revoking a role takes the two steps of granting it", () => {
  const officer = grant("officer");
  const target = account("off", [officer, grant("expert", "rejected")]);

  it("the system administrator requests the revocation of an approved business role", () => {
    expect(decideRevocationRequest(target, sysadmin, officer.id)).toEqual({ ok: true });
    expect(accountOffer(target, sysadmin).revocableGrants).toEqual([officer.id]);
    expect(decideRevocationRequest(target, secadmin, officer.id)).toMatchObject({ kind: "forbidden" });
    expect(decideRevocationRequest(target, sysadmin, target.grants[1]!.id)).toMatchObject({
      kind: "conflict",
      refusal: { code: "grant-not-active" },
    });
    expect(decideRevocationRequest(target, sysadmin, "nope")).toMatchObject({ kind: "not-found" });
  });

  it("one open revocation per grant; the security administrator decides it; the role holds until then", () => {
    const revocation = grant("officer", "pending", { revokes: officer.id });
    const requested = account("off", [officer, revocation]);
    expect(decideRevocationRequest(requested, sysadmin, officer.id)).toMatchObject({
      kind: "conflict",
      refusal: { code: "revocation-pending" },
    });
    expect(grantDecisionsOffered(requested, secadmin, revocation.id)).toEqual(["approve", "reject"]);
    expect(grantDecisionsOffered(requested, sysadmin, revocation.id)).toEqual([]);
    // The revocation request does not count as a second request of the role, nor end the role.
    expect(decideGrantRequest(requested, sysadmin, "officer")).toMatchObject({ refusal: { code: "grant-exists" } });
  });

  it("a revocation whose grant is no longer in effect can only be rejected", () => {
    const gone = grant("officer", "revoked");
    const revocation = grant("officer", "pending", { revokes: gone.id });
    expect(grantDecisionsOffered(account("off", [gone, revocation]), secadmin, revocation.id)).toEqual(["reject"]);
  });
});

describe("service accounts: the integration role, and only it, on an outside system's account", () => {
  const service = account("svc", [], { service: true });
  const person = account("per", []);

  it("is never requested for a person's account, nor at a person's account's creation", () => {
    expect(decideGrantRequest(person, sysadmin, "integration")).toMatchObject({
      kind: "rule",
      refusal: { code: "integration-role-for-service-accounts", path: "role" },
    });
    expect(decideNewAccountRoles(["integration"])).toMatchObject({
      kind: "rule",
      refusal: { code: "integration-role-for-service-accounts", path: "roles" },
    });
    expect(accountOffer(person, sysadmin).requestableRoles).not.toContain("integration");
  });

  it("is the one role a service account may be asked for or approved", () => {
    expect(decideGrantRequest(service, sysadmin, "integration")).toEqual({ ok: true });
    for (const role of roles.filter((role) => role !== "integration" && !isAdministratorRole(role))) {
      expect(decideGrantRequest(service, sysadmin, role), role).toMatchObject({
        refusal: { code: "service-account-role" },
      });
    }
    expect(accountOffer(service, sysadmin).requestableRoles).toEqual(["integration"]);
    // An approval checks it again: a request left from before the rule is only rejected.
    const stray = grant("officer", "pending");
    expect(grantDecisionsOffered(account("svc", [stray], { service: true }), secadmin, stray.id)).toEqual(["reject"]);
    const asked = grant("integration", "pending");
    expect(grantDecisionsOffered(account("svc", [asked], { service: true }), secadmin, asked.id)).toEqual([
      "approve",
      "reject",
    ]);
  });

  it("has no password to reset and no expert-pool record, but is disabled and enabled like any account", () => {
    expect(decidePasswordReset(service, sysadmin, "account.reset-password")).toMatchObject({
      refusal: { code: "service-account-without-password" },
    });
    expect(decideAccountAction(service, sysadmin, "link-expert").ok).toBe(false);
    expect(decideAccountAction(service, sysadmin, "disable").ok).toBe(true);
    expect(accountOffer(service, sysadmin).abilities).toEqual(["account.update", "role-grant.request"]);
  });
});
