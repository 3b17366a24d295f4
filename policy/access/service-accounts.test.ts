import { describe, expect, it } from "vitest";
import { roles } from "../roles";
import { decideTokenIssue, isServiceRole, serviceRoleRefusal } from "./service-accounts";

describe("API tokens are issued to service accounts only, by the system administrator", () => {
  const service = { service: true, disabled: false };

  it("issues for an enabled service account to the holder of api-token.manage", () => {
    expect(decideTokenIssue(service, ["sysadmin"])).toEqual({ ok: true });
  });

  it("refuses anyone else, a person's account (as not found) and a disabled service account", () => {
    for (const role of roles.filter((role) => role !== "sysadmin")) {
      expect(decideTokenIssue(service, [role]), role).toMatchObject({ ok: false, kind: "forbidden" });
    }
    expect(decideTokenIssue({ service: false, disabled: false }, ["sysadmin"])).toMatchObject({ kind: "not-found" });
    expect(decideTokenIssue({ service: true, disabled: true }, ["sysadmin"])).toMatchObject({
      kind: "conflict",
      refusal: { code: "account-disabled" },
    });
  });
});

describe("the integration role belongs to service accounts", () => {
  it.each(roles)("%s", (role) => {
    const refusalForService = serviceRoleRefusal(true, role);
    const refusalForPerson = serviceRoleRefusal(false, role);
    expect(refusalForService === null).toBe(isServiceRole(role));
    expect(refusalForPerson === null).toBe(!isServiceRole(role));
  });
});
