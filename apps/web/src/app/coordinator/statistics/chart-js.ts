import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only what the statistics page draws (bars, their scales, legend and tooltip): the rest of Chart.js is
// left out of the bundle. This module is loaded with import() by ChartRenderer, so only this page pays.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1b1f24';
Chart.defaults.locale = 'sv';

export { Chart };
