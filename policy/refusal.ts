/**
 * An expected failure, as a value: what went wrong, the article it rests on, in Chinese and English.
 * The server maps refusals to HTTP in one place; nothing here knows about HTTP.
 */
/** One field at fault, dotted path first. */
export interface FieldIssue {
  path: string;
  messageZh: string;
  messageEn: string;
  article?: string;
}

export interface Refusal {
  code: string;
  /** Article of the measures the refusal rests on: "7.2", "20". */
  article?: string;
  messageZh: string;
  messageEn: string;
  /** Field at fault, dotted ("partners.0.agreementEnd"). */
  path?: string;
  /** Every field at fault, when there are several (a checklist, the blockers of a submission). */
  errors?: FieldIssue[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function refuse(refusal: Refusal): { ok: false; refusal: Refusal } {
  return { ok: false, refusal };
}

export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
