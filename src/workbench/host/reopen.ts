/**
 * "Save and reopen": what a workbook looks like to an add-in after the user saved it, closed it
 * and opened it again (or opened it in another Excel). What the file keeps comes back: cells,
 * formats, tables, charts, conditional formats in their priority order, sheet visibility and
 * order, worksheet custom properties and the add-in's settings (as JSON, the way the file
 * stores them). What belongs to the session does not: every sheet, table and chart gets a new
 * id (numbered afresh, so an id one sheet had can come back on another), conditional formats
 * have no ids in the file and get positions again, and a cell being edited is no longer so.
 */
import { StyleTable, WorkbookState } from "./model";

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * A new workbook state holding what a saved file keeps of `old`.
 *
 * @example
 * const next = reopenedWorkbook(workbench.workbook); // sheets equal, ids new
 */
export function reopenedWorkbook(old: WorkbookState): WorkbookState {
  const next = new WorkbookState();
  // Style ids index the style table: the table travels with the cells that use it.
  (next as unknown as { styles: StyleTable }).styles = old.styles;
  next.functions = old.functions;
  next.dateSystem = old.dateSystem;
  next.calculationMode = old.calculationMode;
  for (const [k, v] of old.settings) next.settings.set(k, json(v));
  for (const s of old.sheets) {
    const t = next.addSheet(s.name);
    t.visibility = s.visibility;
    t.tabColor = s.tabColor;
    t.showGridlines = s.showGridlines;
    t.values = s.values.map((row) => (row ? [...row] : row));
    t.formulas = s.formulas.map((row) => (row ? [...row] : row));
    t.styles = s.styles.map((row) => (row ? [...row] : row));
    t.rowStyles = new Map(s.rowStyles);
    t.colStyles = new Map(s.colStyles);
    t.columnWidths = new Map(s.columnWidths);
    t.rowHeights = new Map(s.rowHeights);
    t.frozen = { ...s.frozen };
    t.autoFilter = s.autoFilter ? { ...s.autoFilter } : null;
    t.selection = { ...s.selection };
    for (const [k, n] of s.names) t.names.set(k, { ...n });
    for (const [k, p] of s.customProperties) t.customProperties.set(k, { key: p.key, value: String(p.value) });
    t.conditionalFormats = [...s.conditionalFormats]
      .sort((a, b) => a.priority - b.priority)
      .map((cf, i) => ({
        ...json({ type: cf.type, stopIfTrue: cf.stopIfTrue, rule: cf.rule, format: cf.format }),
        id: next.newId("cf"),
        sheet: t,
        rect: { ...cf.rect },
        priority: i,
      }));
    t.charts = s.charts.map((c) => ({
      ...c,
      id: next.newId("chart"),
      sheet: t,
      source: { ...c.source },
      anchor: c.anchor ? json(c.anchor) : null,
    }));
  }
  for (const tb of old.tables) {
    const sheet = next.sheets[old.sheets.indexOf(tb.sheet)];
    if (sheet) next.tables.push({ ...tb, id: next.newId("table"), sheet, rect: { ...tb.rect } });
  }
  const active = old.activeSheet ? next.sheets[old.sheets.indexOf(old.activeSheet)] : undefined;
  next.activeSheet = active ?? next.sheets[0] ?? null;
  return next;
}
