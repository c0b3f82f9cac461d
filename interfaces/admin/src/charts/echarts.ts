import { use } from "echarts/core";
import { BarChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Only the parts of ECharts the cockpit draws with, so the bundle carries no more.
use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { default as Chart } from "vue-echarts";

/** Colours that keep their contrast on white, for series told apart by
 * their legend (and their line style) as well. */
export const PALETTE = ["#0b5cad", "#b3261e", "#1f6f3a", "#8a5a00", "#5b3a99"];

/** No drawing animation when the system asks for reduced motion. */
export const MOTION = { animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches };

/** What every chart over weeks shares: a time axis, a legend and a tooltip
 * per moment, readable by screen readers. */
export const OVER_TIME = {
  ...MOTION,
  color: PALETTE,
  aria: { enabled: true },
  tooltip: { trigger: "axis" },
  legend: { top: 0 },
  xAxis: { type: "time" },
};
