/**
 * Report building blocks: markdown (tables, GitHub alerts, details, mermaid charts, markers),
 * number formatting and structure-preserving truncation.
 */
export { table, escapeCell, plainText, alert, details, escapeHtml, xyChart, markerComment, inlineCode, codeBlock } from './markdown.ts';
export type { Cell, Align, AlertKind, ChartSeries, XyChartSpec } from './markdown.ts';
export { formatNumber, formatDelta, formatPercent, formatInterval, formatDuration, MINUS } from './format.ts';
export { truncateMarkdown } from './truncate.ts';
