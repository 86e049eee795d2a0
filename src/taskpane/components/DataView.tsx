/**
 * The Data view (first run): which table serves each role, which column serves each field, how
 * sure detection is, and what required columns are missing. The user corrects and saves.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Dropdown,
  Field as FluentField,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Field, Role, TableDetection } from "../../engine/types";
import type { WorkbookSettings } from "../../excel/types";
import { usePane } from "../context";
import { useDrafts } from "../draft";
import { useTableMapping, type RoleState } from "../hooks/useTableMapping";
import { FIELDS_BY_ROLE } from "../../engine/fields";
import { formatList, formatPercent } from "../format";
import { describeError, fieldName, roleName } from "../messages";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  notice: { outlineStyle: "none" },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  role: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  summary: { color: tokens.colorNeutralForeground2 },
  columnDropdown: { minWidth: "0", width: "100%" },
  // One line per choice: "Invoice No" never wraps inside its dropdown; a long header ends in "…".
  columnButton: { whiteSpace: "nowrap", overflow: "hidden" },
  fieldCell: { width: "42%" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  confidence: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground2 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Props of the Data view. */
export interface DataViewProps {
  settings: WorkbookSettings;
  save: (next: WorkbookSettings) => Promise<void>;
}

type Notice = { intent: "success" | "warning" | "error"; text: string } | null;

/** The Data view: tables found per role, their columns, and the mapping actions. */
export function DataView({ settings, save }: DataViewProps) {
  const { run, t, lang, today } = usePane();
  const styles = useStyles();
  const state = useTableMapping(run, settings, lang);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ intent: "success", text: await work() });
    } catch (error) {
      setNotice({ intent: "error", text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const saveMapping = () =>
    act(async () => {
      await save({ ...settings, mapping: state.mappingToSave() });
      state.markSaved();
      return t("pane.data.saved");
    });
  const insertSample = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await state.insertSample(today());
      setNotice(
        outcome.kind === "inserted"
          ? {
              intent: "success",
              text: t("pane.data.sampleInserted.sheets", { count: outcome.invoices, sheets: outcome.sheets.join(", ") }),
            }
          : { intent: "warning", text: t("pane.data.samplePresent", { sheets: outcome.sheets.join(", ") }) },
      );
    } catch (error) {
      setNotice({ intent: "error", text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };
  // Other views must know the mapping on screen is not the saved one.
  const { setMappingUnsaved } = useDrafts();
  useEffect(() => setMappingUnsaved(state.unsaved), [state.unsaved, setMappingUnsaved]);
  // A notice appears at the top of a long view: bring it into view and give it focus, so the
  // outcome of a button far below is never off screen.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice) return;
    noticeRef.current?.scrollIntoView?.({ block: "nearest" });
    noticeRef.current?.focus();
  }, [notice]);

  return (
    <section className={styles.root} aria-labelledby="ar-data-heading">
      <Subtitle2 as="h2" id="ar-data-heading">
        {t("pane.data.heading")}
      </Subtitle2>
      <Text>{t("pane.data.intro")}</Text>
      <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.error !== null && <ErrorNotice error={state.error} titled />}
      {state.loading && !state.workbook && <Spinner size="small" label={t("pane.data.loading")} />}
      {state.workbook && state.workbook.tables.length === 0 && <Text>{t("pane.data.empty")}</Text>}
      {state.workbook &&
        state.workbook.tables.length > 0 &&
        state.roles.map((roleState) => (
          <RoleSection
            key={roleState.role}
            roleState={roleState}
            tableNames={state.tableNames}
            onTables={(tables) => state.chooseTables(roleState.role, tables)}
            onColumn={(field, header) => state.chooseColumn(roleState.role, field, header)}
            lang={lang}
          />
        ))}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || !state.workbook || state.workbook.tables.length === 0}
          onClick={() => void saveMapping()}
        >
          {t("pane.data.save")}
        </Button>
        {state.unsaved && (
          <Button disabled={busy} onClick={state.discard}>
            {t("pane.data.discard")}
          </Button>
        )}
        <Button disabled={busy} onClick={() => void insertSample()}>
          {t("pane.data.sample")}
        </Button>
        <Button appearance="subtle" disabled={busy || state.loading} onClick={() => void state.reload()}>
          {t("pane.data.refresh")}
        </Button>
      </div>
    </section>
  );
}

interface RoleSectionProps {
  roleState: RoleState;
  tableNames: string[];
  /** The tables picked for the role, in order (one or several, read together). */
  onTables: (tables: string[]) => void;
  onColumn: (field: Field, header: string) => void;
  lang: "en-US" | "zh-CN";
}

/** One role: its table choice (one or several), detection summary, reading notes, missing columns and column choices. */
function RoleSection({ roleState, tableNames, onTables, onColumn, lang }: RoleSectionProps) {
  const { t } = usePane();
  const styles = useStyles();
  const { role, selected, together, notes } = roleState;
  const name = roleName(t, role);
  const headingId = `ar-role-${role}`;
  const picked = together.map((d) => d.table.name);

  return (
    <section className={styles.role} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {name}
      </Subtitle2>
      <FluentField label={t("pane.data.tableFor", { role: name })} hint={t("pane.data.tablesHint")}>
        <Dropdown
          multiselect
          className={styles.columnDropdown}
          button={{ className: styles.columnButton }}
          value={picked.length > 0 ? formatList(lang, picked) : t("pane.data.noTable")}
          selectedOptions={picked}
          onOptionSelect={(_, data) => {
            // The first picked stays first (its columns are shown); the others follow in the order picked.
            const next = [
              ...picked.filter((table) => data.selectedOptions.includes(table)),
              ...data.selectedOptions.filter((table) => !picked.includes(table)),
            ];
            if (next.length > 0) onTables(next);
          }}
        >
          {tableNames.map((table) => (
            <Option key={table} value={table}>
              {table}
            </Option>
          ))}
        </Dropdown>
      </FluentField>
      {selected ? (
        <>
          <Text className={styles.summary}>
            {t("pane.data.tableSummary", {
              sheet: selected.table.sheet,
              rows: selected.table.rows.length,
              role: selected.role ? roleName(t, selected.role) : "—",
              confidence: formatPercent(lang, selected.confidence),
            })}
          </Text>
          {together.length > 1 && <Text>{t("pane.data.together", { tables: formatList(lang, picked) })}</Text>}
          {notes.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("pane.data.readingTitle")}</MessageBarTitle>
                <ul className={styles.notes}>
                  {notes.map((note, k) => (
                    <li key={k}>{note.message}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {selected.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("pane.data.missingTitle")}</MessageBarTitle>
                {t("pane.data.missing", {
                  role: name,
                  table: selected.table.name,
                  fields: formatList(
                    lang,
                    selected.missing.map((f) => fieldName(t, f)),
                  ),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          <ColumnTable role={role} detection={selected} onColumn={onColumn} lang={lang} />
        </>
      ) : (
        <Text>{t("pane.data.notFound", { role: name })}</Text>
      )}
    </section>
  );
}

interface ColumnTableProps {
  role: Role;
  detection: TableDetection;
  onColumn: (field: Field, header: string) => void;
  lang: "en-US" | "zh-CN";
}

/** Field → column choices for one table, with detection confidence. */
function ColumnTable({ role, detection, onColumn, lang }: ColumnTableProps) {
  const { t } = usePane();
  const styles = useStyles();
  const headers = detection.table.header.map((h) => (h === null ? "" : String(h))).filter((h) => h.trim() !== "");

  return (
    <Table size="small" aria-label={t("pane.data.columnsCaption", { table: detection.table.name })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.fieldCell}>{t("pane.data.fieldHeader")}</TableHeaderCell>
          <TableHeaderCell>{t("pane.data.columnHeader")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {FIELDS_BY_ROLE[role].map((field) => {
          const match = detection.columns.find((c) => c.field === field);
          const label = fieldName(t, field);
          return (
            <TableRow key={field}>
              {/* Two columns at 320 px: the field with its confidence beneath, and a dropdown wide enough for "Invoice No". */}
              <TableCell className={styles.fieldCell}>
                <div>{label}</div>
                {match && (
                  <Caption1 className={styles.confidence}>
                    {match.mapped ? t("pane.data.setByYou") : formatPercent(lang, match.confidence)}
                  </Caption1>
                )}
              </TableCell>
              <TableCell>
                <Dropdown
                  className={styles.columnDropdown}
                  button={{ className: styles.columnButton }}
                  aria-label={t("pane.data.columnFor", { field: label })}
                  value={match?.header ?? ""}
                  placeholder={t("pane.data.notMapped")}
                  selectedOptions={match ? [match.header] : []}
                  onOptionSelect={(_, data) => data.optionValue && onColumn(field, data.optionValue)}
                >
                  {headers.map((header) => (
                    <Option key={header} value={header}>
                      {header}
                    </Option>
                  ))}
                </Dropdown>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
