/**
 * The config of every anonymous read route (the public registry, 通知公告, announcements, achievements, alliances):
 * no sign-in, 120 requests a minute per address. The limit guards load, not a secret, so it is counted on the node
 * and settled with the other nodes in the background (`rateLimitSettled`, http/rate-limit-store.ts): a visitor's read
 * costs no database write of its own.
 */
export const publicRead = {
  public: true,
  rateLimit: { max: 120, timeWindow: "1 minute" },
  rateLimitSettled: true,
} as const;
