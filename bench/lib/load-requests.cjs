/**
 * Each request's address and page (bench/lib/rounds.ts `load`). autocannon runs in a worker thread of its own, so
 * the load generator does not share the platform's event loop; functions cannot cross to it, it `require`s this
 * file there. One worker: the count below is shared by all its connections.
 */
let sent = 0;

module.exports = function setupRequest(request, context) {
  sent += 1;
  const headers = { ...request.headers };
  // Public routes are limited per address: each request comes from another one through a trusted proxy.
  if (context.manyAddresses) headers["x-forwarded-for"] = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
  const joiner = request.path.includes("?") ? "&" : "?";
  const path = context.pages ? `${request.path}${joiner}page=${(sent % context.pages) + 1}&pageSize=20` : request.path;
  return { ...request, path, headers };
};
