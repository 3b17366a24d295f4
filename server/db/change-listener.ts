import pg from "pg";

/**
 * Other nodes' commits, as PostgreSQL notifications (issue 16). Every transaction a node commits through
 * `Database.transaction` notifies `changeChannel`; each node listens on one dedicated connection and drops its cached
 * reads (read-cache.ts) when any node commits. The notification is delivered at commit, before the writing node has
 * even answered its request, so a user who writes on one node and reads on the other sees the write.
 *
 * While the connection is down a node cannot hear other nodes' commits: `onState(false)` tells the cache to stop
 * serving until the connection is back (`onState(true)`; the cache then drops everything read before).
 */
export const changeChannel = "platform_changed";
const retryMs = 1_000;

export interface ChangeListener {
  close(): Promise<void>;
}

export function listenForChanges(
  url: string,
  onChange: () => void,
  onState: (listening: boolean) => void,
): ChangeListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    onState(false);
    const gone = client;
    client = null;
    gone?.removeAllListeners();
    gone?.on("error", () => {});
    gone?.end().catch(() => {});
    if (!closed && !retry) retry = setTimeout(connect, retryMs).unref();
  };

  async function connect() {
    retry = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on("notification", onChange);
    next.on("error", lost);
    next.on("end", () => {
      if (client === next) lost();
    });
    try {
      await next.connect();
      await next.query(`listen ${changeChannel}`);
      if (client === next) onState(true);
    } catch {
      if (client === next) lost();
    }
  }

  onState(false);
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      last?.removeAllListeners();
      last?.on("error", () => {});
      await last?.end().catch(() => {});
    },
  };
}
