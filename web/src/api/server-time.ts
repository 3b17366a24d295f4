import { useQuery } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { officeTimeZone } from "../i18n/format";
import { health as fetchHealth } from "./client";

/**
 * The server's time: the browser's clock, shifted when the platform runs on a demo clock, so "this year" and
 * "today" in forms agree with the deadlines the server computes.
 */
export function useServerTime() {
  const health = useQuery({
    queryKey: ["healthz"],
    queryFn: async () => ({ health: await fetchHealth(), receivedAt: Date.now() }),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
  const demoClock = health.data?.health.demoClock;
  const offset = demoClock && health.data ? new Date(demoClock).getTime() - health.data.receivedAt : 0;
  const now = () => new Date(Date.now() + offset);
  /** Today in Beijing time, for date pickers' defaults. */
  const today = (): Dayjs => dayjs(now()).tz(officeTimeZone);
  return { isDemoClock: demoClock !== undefined, now, today };
}

/** The calendar year in China (UTC+8) of an instant. */
export const chinaYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
