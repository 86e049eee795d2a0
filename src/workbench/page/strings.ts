/**
 * Labels of the workbench's own chrome (the mock ribbon, sheet tabs, status bar). The task pane
 * beside it takes every string from the i18n catalog; these belong to the preview page only and
 * mirror the ribbon labels in manifest.xml.
 */
import type { Lang } from "../../engine/types";

const strings = {
  title: { "en-US": "AR Desk workbench", "zh-CN": "AR Desk 工作台" },
  subtitle: { "en-US": "Simulated Excel", "zh-CN": "模拟 Excel" },
  homeTab: { "en-US": "Home", "zh-CN": "开始" },
  group: { "en-US": "AR Desk", "zh-CN": "应收账款" },
  openPane: { "en-US": "Open AR Desk", "zh-CN": "打开 AR Desk" },
  monthlyAging: { "en-US": "Monthly aging", "zh-CN": "月度账龄" },
  monthlyAgingRunning: { "en-US": "Running monthly aging…", "zh-CN": "正在生成月度账龄…" },
  monthlyAgingDone: { "en-US": "Monthly aging finished.", "zh-CN": "月度账龄已完成。" },
  monthlyAgingNotes: {
    "en-US": "Monthly aging written, with notes: see AR Desk.",
    "zh-CN": "月度账龄已写入，有需要注意的事项：请查看 AR Desk。",
  },
  monthlyAgingStopped: { "en-US": "Monthly aging could not run: see AR Desk.", "zh-CN": "月度账龄未能运行：请查看 AR Desk。" },
  closePane: { "en-US": "Close task pane", "zh-CN": "关闭任务窗格" },
  paneLabel: { "en-US": "AR Desk task pane", "zh-CN": "AR Desk 任务窗格" },
  sheets: { "en-US": "Sheets", "zh-CN": "工作表" },
  gridLabel: { "en-US": "Worksheet {name}", "zh-CN": "工作表 {name}" },
  nameBox: { "en-US": "Name box", "zh-CN": "名称框" },
  formulaBar: { "en-US": "Formula bar", "zh-CN": "编辑栏" },
  formulaHint: {
    "en-US": "Select a cell, type a value or a formula such as =AR.DAYSOVERDUE(D2:D20), press Enter",
    "zh-CN": "选择单元格，输入值或公式（如 =AR.逾期天数(D2:D20)），按 Enter",
  },
  formulaFailed: { "en-US": "The entry could not be written: {message}", "zh-CN": "无法写入：{message}" },
  cellError: { "en-US": "Error detail", "zh-CN": "错误详情" },
  ready: { "en-US": "Ready", "zh-CN": "就绪" },
  roundTrips: { "en-US": "Round trips: {n}", "zh-CN": "往返次数：{n}" },
  largestRequest: { "en-US": "Largest request: {kb} KB", "zh-CN": "最大请求：{kb} KB" },
  printPages: { "en-US": "Printed pages (manual breaks): {n}", "zh-CN": "打印页数（手动分页）：{n}" },
  language: { "en-US": "Display language", "zh-CN": "显示语言" },
  reset: { "en-US": "Reset sample book", "zh-CN": "重置示例工作簿" },
  actionFailed: { "en-US": "The command failed: {message}", "zh-CN": "命令失败：{message}" },
} as const;

export type StringId = keyof typeof strings;

/** A chrome label in `lang`, with `{name}` placeholders filled. */
export function label(lang: Lang, id: StringId, params: Record<string, string | number> = {}): string {
  return strings[id][lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
