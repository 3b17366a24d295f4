/**
 * The one ECharts renderer. Only ever load it with `import()` (see LazyChart.tsx): echarts is a large library and
 * must stay out of the sign-in page and the shell. Only the chart types the product draws are registered — bars,
 * treemaps and heat-map matrices; never a map with borders (map compliance).
 */
import { BarChart, HeatmapChart, TreemapChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/esm/core";

echarts.use([
  BarChart,
  TreemapChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, height, testId }: { option: ChartOption; height: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: "svg" }}
        style={{ height, width: "100%" }}
      />
    </div>
  );
}
