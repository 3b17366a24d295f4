import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { ChartOption } from "./EChart";

/** ECharts arrives in its own chunk the first time a chart is drawn, never with the page that hosts it. */
const EChart = lazy(() => import("./EChart").then((module) => ({ default: module.EChart })));

export function LazyChart({ option, height, testId }: { option: ChartOption; height: number; testId?: string }) {
  const { t } = useI18n();
  return (
    <Suspense
      fallback={
        <div style={{ height, display: "grid", placeItems: "center" }}>
          <Spin tip={t("statistics.loadingChart")}>
            <span />
          </Spin>
        </div>
      }
    >
      <EChart option={option} height={height} testId={testId} />
    </Suspense>
  );
}
