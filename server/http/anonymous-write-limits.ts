/**
 * Per-IP caps on the writes anyone may make without signing in, counted over an hour so that a script cannot fill
 * the file store or the officers' objection list. An objector lodges one objection with one sealed letter and a
 * registering unit uploads one authorisation letter; the caps leave room for retries and for a few people behind
 * one address. Keyed on `request.ip` (TRUST_PROXY decides whose address that is).
 */
export const anonymousWriteLimits = {
  /** `POST /api/public/files`: authorisation letters and sealed objection letters. */
  uploads: { max: 20, timeWindow: "1 hour" },
  /** `POST /api/public/notices/:id/objections`: objections lodged online (Art. 14.3). */
  objections: { max: 5, timeWindow: "1 hour" },
} as const;
