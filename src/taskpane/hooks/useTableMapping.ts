/**
 * State of the Data view: the workbook's tables, what detection made of them, and the user's
 * corrections (a draft mapping) until they are saved.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Field, Lang, Role, RowIssue, TableDetection, TableMapping } from "../../engine/types";
import type { ExcelRun, WorkbookSettings, WorkbookTables } from "../../excel/types";
import { insertTables, readWorkbookTables } from "../../excel";
import { detectSources } from "../../engine/read";
import { SAMPLE_DATE_COLUMNS, SAMPLE_MONEY_COLUMNS, generateSampleBook, sampleSheetNames } from "../../engine/sample";
import { generateSampleStatement } from "../../engine/sampleStatement";
import { notifyTablesChanged } from "./tablesChanged";
import { lastMonthEnd } from "../../engine/dates";
import { DATE_FORMAT, MONEY_FORMAT } from "../../excel";
import { ROLES } from "../../app/resolveTables";

const NO_MAPPING: TableMapping = {};

/** Number of invoices in the sample book offered to first-time users. */
export const SAMPLE_INVOICES = 60;

/** One role's current choice in the Data view. */
export interface RoleState {
  role: Role;
  /** The table serving the role (the user's choice, else the best detection), or null. */
  selected: TableDetection | null;
  /** Every table read for the role, `selected` first (several when they are read together). */
  together: TableDetection[];
  /**
   * What the run will say about how the role's tables are read, in the pane's language: columns
   * competing for one field (which is used, which ignored), tables read together, tables of the
   * role that are not read.
   */
  notes: RowIssue[];
}

/** Issue codes about how a role's tables are read, shown beside the mapping. */
const READING_NOTES = new Set(["column.duplicate", "table.joined", "table.notJoined", "table.ignored"]);

/** Everything the Data view renders and the actions it offers. */
export interface TableMappingState {
  workbook: WorkbookTables | null;
  loading: boolean;
  error: unknown;
  detections: TableDetection[];
  roles: RoleState[];
  /** Names of every table found, for the per-role table choice. */
  tableNames: string[];
  reload: () => Promise<void>;
  chooseTable: (role: Role, table: string) => void;
  /** Several tables read together for the role, in this order (one alone is `chooseTable`). */
  chooseTables: (role: Role, tables: string[]) => void;
  chooseColumn: (role: Role, field: Field, header: string) => void;
  /** The mapping to save: one table per role that has one, with the user's column choices. */
  mappingToSave: () => TableMapping;
  /** Forgets the draft once it has been saved (the saved mapping is then the source of truth). */
  markSaved: () => void;
  /** True while the mapping shown differs from the saved one. */
  unsaved: boolean;
  /** Drops the unsaved changes: back to the saved mapping. */
  discard: () => void;
  /** Inserts the sample book dated up to the last month-end before `today`, unless the book already has it. */
  insertSample: (today: number) => Promise<SampleInsert>;
}

/** What "Insert sample data" did: inserted the tables, or found the sample already there. */
export type SampleInsert = { kind: "inserted"; invoices: number; sheets: string[] } | { kind: "present"; sheets: string[] };

/**
 * Reads the workbook's tables and keeps a draft mapping seeded from the saved one.
 * `settings` is the workbook's saved settings (null while loading).
 */
export function useTableMapping(run: ExcelRun, settings: WorkbookSettings | null, lang: Lang): TableMappingState {
  const [workbook, setWorkbook] = useState<WorkbookTables | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<TableMapping | null>(null);

  const savedMapping = settings?.mapping;
  // The draft starts from what is saved; later edits stay local until "Save mapping".
  const mapping = draft ?? savedMapping ?? NO_MAPPING;

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setWorkbook(await readWorkbookTables(run, {}));
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The same detection the reader runs, so what the pane shows is what "Generate" will use.
  const plan = useMemo(() => (workbook ? detectSources(workbook.tables, mapping, lang) : null), [workbook, mapping, lang]);
  const detections = useMemo(() => plan?.detections ?? [], [plan]);
  const roles = useMemo<RoleState[]>(
    () =>
      ROLES.map((role) => {
        const selected = plan?.sources[role] ?? null;
        const together = plan?.joined[role] ?? (selected ? [selected] : []);
        const ofRole = new Set((plan?.detections ?? []).filter((d) => d.role === role).map((d) => d.table.sheet));
        const read = new Set(together.map((d) => d.table.sheet));
        // Issues carry a sheet: competing columns belong to a table read, the rest to a table of the role.
        const notes = (plan?.issues ?? []).filter(
          (issue) =>
            READING_NOTES.has(issue.code) &&
            (issue.code === "column.duplicate"
              ? read.has(issue.sheet)
              : issue.code === "table.joined"
                ? selected?.table.sheet === issue.sheet
                : ofRole.has(issue.sheet)),
        );
        return { role, selected, together, notes };
      }),
    [plan],
  );

  const chooseTable = useCallback(
    (role: Role, table: string) => {
      // Column choices belong to the old table's headers, so they are dropped with it.
      setDraft({ ...mapping, [role]: { table } });
    },
    [mapping],
  );

  const chooseTables = useCallback(
    (role: Role, tables: string[]) => {
      const [first] = tables;
      if (first === undefined) return;
      // Columns are chosen by heading, so they stay when tables are added to the same role.
      const columns = mapping[role]?.columns;
      setDraft({ ...mapping, [role]: { table: first, ...(tables.length > 1 ? { tables } : {}), ...(columns ? { columns } : {}) } });
    },
    [mapping],
  );

  const chooseColumn = useCallback(
    (role: Role, field: Field, header: string) => {
      const table = roles.find((r) => r.role === role)?.selected?.table.name;
      const current = mapping[role];
      setDraft({
        ...mapping,
        [role]: {
          table: current?.table ?? table,
          ...(current?.tables ? { tables: current.tables } : {}),
          columns: { ...current?.columns, [field]: header },
        },
      });
    },
    [mapping, roles],
  );

  const mappingToSave = useCallback((): TableMapping => {
    const result: TableMapping = {};
    for (const { role, selected, together } of roles) {
      if (!selected) continue;
      const columns = mapping[role]?.columns;
      result[role] = {
        table: selected.table.name,
        ...(together.length > 1 ? { tables: together.map((d) => d.table.name) } : {}),
        ...(columns ? { columns } : {}),
      };
    }
    return result;
  }, [roles, mapping]);

  const insertSample = useCallback(
    async (today: number): Promise<SampleInsert> => {
      // A second copy would add "Invoices (2)" and make every role ambiguous: refuse, and say why.
      const current = await readWorkbookTables(run);
      const taken = new Set(current.tables.flatMap((table) => [table.sheet.toLowerCase(), table.name.toLowerCase()]));
      const present = sampleSheetNames(lang).filter((name) => taken.has(name.toLowerCase()));
      if (present.length > 0) return { kind: "present", sheets: present };
      // The book ends at the last month-end before today, so the first aging shows every bucket.
      const book = generateSampleBook({ invoices: SAMPLE_INVOICES, seed: 1, asOf: lastMonthEnd(today), lang });
      // A customer's statement of the book, so the Reconcile view can be tried on it too.
      const statement = generateSampleStatement(book, lang);
      const sample = statement ? [...book, statement] : book;
      // Dates arrive as serials: without a date format the user would see numbers like 46326.
      const columnFormats = sample.map((table) =>
        table.header.map((header) => {
          const text = String(header);
          return SAMPLE_DATE_COLUMNS.includes(text) ? DATE_FORMAT : SAMPLE_MONEY_COLUMNS.includes(text) ? MONEY_FORMAT : null;
        }),
      );
      await insertTables(run, sample, { columnFormats });
      await reload();
      notifyTablesChanged();
      return { kind: "inserted", invoices: SAMPLE_INVOICES, sheets: sample.map((table) => table.sheet) };
    },
    [run, reload, lang],
  );

  // A draft equal to what is saved is not a change (choosing the detected table again, say).
  const unsaved = useMemo(
    () => draft !== null && JSON.stringify(draft) !== JSON.stringify(savedMapping ?? NO_MAPPING),
    [draft, savedMapping],
  );

  const tableNames = useMemo(() => (workbook ? workbook.tables.map((table) => table.name) : []), [workbook]);

  return {
    workbook,
    loading,
    error,
    detections,
    roles,
    tableNames,
    reload,
    chooseTable,
    chooseTables,
    chooseColumn,
    mappingToSave,
    markSaved: () => setDraft(null),
    unsaved,
    discard: () => setDraft(null),
    insertSample,
  };
}
