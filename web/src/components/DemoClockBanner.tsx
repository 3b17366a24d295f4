import { useEffect, useState } from "react";
import { useServerTime } from "../api/server-time";
import { useI18n } from "../i18n/I18nProvider";

/**
 * A banner on every page while the platform runs on a demo clock (DEMO_CLOCK): the time shown is not today's.
 * Plain HTML (no antd) because it also shows above the sign-in page.
 */
export function DemoClockBanner() {
  const { t, dateTime } = useI18n();
  const { isDemoClock, now } = useServerTime();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!isDemoClock) return;
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, [isDemoClock]);
  if (!isDemoClock) return null;
  return (
    <div className="demo-clock-banner" role="alert" data-testid="demo-clock-banner">
      ⚠ {t("demoClock.banner", { time: dateTime(now()) })}
    </div>
  );
}
