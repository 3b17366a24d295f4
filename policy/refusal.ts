/**
 * An expected failure, as a value: what went wrong, the article it rests on, in Chinese and English.
 * The server maps refusals to HTTP in one place; nothing here knows about HTTP.
 */
export interface Refusal {
  code: string;
  /** Article of the measures the refusal rests on: "7.2", "20". */
  article?: string;
  messageZh: string;
  messageEn: string;
  /** Field at fault, dotted ("partners.0.agreementEnd"). */
  path?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function refuse(refusal: Refusal): { ok: false; refusal: Refusal } {
  return { ok: false, refusal };
}

export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
