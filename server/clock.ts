/** The one source of time on the server. Tests and demo scenarios set it; nothing else calls Date.now(). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The demo clock (`DEMO_CLOCK`): starts at a chosen instant and runs at the real pace from there, so a demo can show
 * any day of a base's life. Only with demo data: the configuration refuses it otherwise.
 */
export class RunningClock implements Clock {
  private readonly offset: number;
  constructor(
    start: Date,
    private readonly real: () => number = Date.now,
  ) {
    this.offset = start.getTime() - real();
  }
  now(): Date {
    return new Date(this.real() + this.offset);
  }
}

/** A clock that stands still until moved: for tests. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

/** The calendar date in China (Asia/Shanghai, UTC+8, no DST) as YYYY-MM-DD, for policy/ date arguments. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
