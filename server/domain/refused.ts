import type { FieldError } from "../../contracts/errors";
import type { Refusal } from "../../policy/refusal";

/**
 * Why a use case did not happen, in the domain's words. The domain folders (access, commands, recognition, review,
 * decision, …) throw `Refused`; server/http/errors.ts alone turns each kind into an HTTP status and the error shape.
 */
export const refusalKinds = [
  "invalid-input",
  "unauthenticated",
  "forbidden",
  "not-found",
  "conflict",
  "too-large",
  "unsupported-type",
  "rule",
  "locked",
] as const;
export type RefusalKind = (typeof refusalKinds)[number];

/** A refusal with every field at fault (`errors`), or one field named by `path`. */
export interface DomainRefusal extends Refusal {
  errors?: FieldError[];
  /** The record a conflict is about, when the caller may open it (contracts/errors.ts). */
  existingId?: string;
}

export class Refused extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly refusal: DomainRefusal,
  ) {
    super(refusal.messageEn);
    this.name = "Refused";
  }
}

const plain = (code: string, messageZh: string, messageEn: string, errors?: FieldError[]): DomainRefusal => ({
  code,
  messageZh,
  messageEn,
  ...(errors ? { errors } : {}),
});

/** The refusals every domain folder needs, worded once. */
export const refused = {
  /** Another jurisdiction's or unit's record does not exist for the caller (never "forbidden", which would leak it). */
  notFound: (what: string, whatZh: string) =>
    new Refused(
      "not-found",
      plain("not-found", `${whatZh}不存在或您无权查看。`, `${what} not found or not visible to you.`),
    ),
  forbidden: (_ability: string) =>
    new Refused("forbidden", plain("forbidden", "您没有执行此操作的权限。", "You are not allowed to do this.")),
  staleVersion: () =>
    new Refused(
      "conflict",
      plain(
        "stale-version",
        "该记录已被他人修改，请刷新后再保存。",
        "This record was changed by someone else; reload it before saving.",
      ),
    ),
  /** Input the rules cannot read: a malformed or contradictory field (400). */
  invalidInput: (code: string, messageZh: string, messageEn: string, errors?: FieldError[]) =>
    new Refused("invalid-input", plain(code, messageZh, messageEn, errors)),
  /** The record is not in a state that allows it (409). */
  conflict: (refusal: DomainRefusal) => new Refused("conflict", refusal),
  /** A rule of the measures or of the data is not met (422); the refusal names its article or field. */
  rule: (refusal: DomainRefusal) => new Refused("rule", refusal),
};
