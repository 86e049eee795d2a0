/**
 * Every sheet the pane writes goes through one port, {@link usePanePort}, so that two things are
 * done once for every view (aging, credit, reconcile, GL tie-out, collections, statements,
 * insights):
 *
 * - **Asking.** When a re-run would replace a report sheet the user edited since AR Desk wrote it
 *   (notes typed on "AR Aging 2026-10"), the pane asks before anything is written: keep the edited
 *   sheet as "… (edited)" beside the new one, replace it, or cancel.
 * - **Saying.** What a write did besides writing — a sheet kept or replaced on the user's word,
 *   freeze panes or a filter Excel would not apply — is shown by {@link WriteNotices} at the top
 *   of the view that wrote it, as a warning when something was not applied. The ribbon's notes
 *   (it cannot ask, so it keeps) arrive in the Aging view.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PortWriteResult, WorkbookPort } from "../app/port";
import { getRibbonNotes, subscribeRibbonNotes, type RibbonNotes } from "../app/ribbonNotes";
import { excelPort } from "../excel";
import type { EditedSheet, EditedSheetChoice } from "../excel/types";
import { usePane } from "./context";

/** What one write did that the user should know: kept, replaced on their word, not applied. */
export interface WriteNote {
  sheets: string[];
  kept: Array<{ sheet: string; keptAs: string }>;
  overwritten: string[];
  warnings: NonNullable<PortWriteResult["warnings"]>;
  /** The ribbon's write (the pane brings it into view), or the pane's own. */
  source: "pane" | "ribbon";
}

/**
 * The note of a write, or null when there is nothing to say beyond "written".
 *
 * @example
 * noteOf({ sheets: ["AR Credit"], renamed: [], kept: [{ sheet: "AR Credit", keptAs: "AR Credit (edited)" }] }, "pane");
 * // { sheets: ["AR Credit"], kept: [...], overwritten: [], warnings: [], source: "pane" }
 */
export function noteOf(
  write: Pick<PortWriteResult, "sheets" | "kept" | "overwritten" | "warnings">,
  source: WriteNote["source"],
): WriteNote | null {
  const note: WriteNote = {
    sheets: write.sheets,
    kept: write.kept ?? [],
    overwritten: write.overwritten ?? [],
    warnings: write.warnings ?? [],
    source,
  };
  return note.kept.length + note.overwritten.length + note.warnings.length > 0 ? note : null;
}

interface WriteDesk {
  decideEdited: (edited: EditedSheet[]) => Promise<EditedSheetChoice>;
  /** Records a write of view `scope`; a write of the same sheets replaces the earlier note. */
  record: (scope: string, write: PortWriteResult) => void;
  notes: Readonly<Record<string, WriteNote[]>>;
  dismiss: (scope: string) => void;
}

const WriteDeskContext = createContext<WriteDesk | null>(null);

/** A view's scope: its id, and whether the view shows the notes itself, beside its result. */
interface Scope {
  id: string;
  /** Notes placed inside the view (e.g. under the aging's "Written" line) that the panel's own copy gives way to. */
  inline: number;
  claim: () => () => void;
}
const WriteScopeContext = createContext<Scope>({ id: "", inline: 0, claim: () => () => undefined });

/** The view the ribbon's aging belongs to. */
const RIBBON_SCOPE = "aging";

function withNote(notes: Readonly<Record<string, WriteNote[]>>, scope: string, note: WriteNote | null, sheets: readonly string[]) {
  // A later write of the same sheets makes the earlier note stale (a clean re-run clears it).
  const kept = (notes[scope] ?? []).filter((n) => !n.sheets.some((s) => sheets.includes(s)));
  return { ...notes, [scope]: note ? [...kept, note] : kept };
}

/**
 * Holds the pane's write notes and asks the edited-sheet question. `onRibbonNotes` is told when
 * the ribbon hands notes over (the shell shows the Aging view).
 */
export function WriteDeskProvider({ children, onRibbonNotes }: { children: ReactNode; onRibbonNotes?: () => void }) {
  const [notes, setNotes] = useState<Readonly<Record<string, WriteNote[]>>>(() => {
    const ribbon = getRibbonNotes();
    const note = ribbon ? noteOf(ribbon, "ribbon") : null;
    const initial: Record<string, WriteNote[]> = {};
    if (note) initial[RIBBON_SCOPE] = [note];
    return initial;
  });
  const [question, setQuestion] = useState<{ edited: EditedSheet[]; answer: (choice: EditedSheetChoice) => void } | null>(null);

  const record = useCallback((scope: string, write: PortWriteResult) => {
    setNotes((current) => withNote(current, scope, noteOf(write, "pane"), write.sheets));
  }, []);
  const dismiss = useCallback((scope: string) => setNotes((current) => ({ ...current, [scope]: [] })), []);
  const decideEdited = useCallback(
    (edited: EditedSheet[]) =>
      new Promise<EditedSheetChoice>((resolve) => {
        setQuestion({
          edited,
          answer: (choice) => {
            setQuestion(null);
            resolve(choice);
          },
        });
      }),
    [],
  );

  const onRibbon = useRef(onRibbonNotes);
  onRibbon.current = onRibbonNotes;
  useEffect(
    () =>
      subscribeRibbonNotes((ribbon: RibbonNotes | null) => {
        const note = ribbon ? noteOf(ribbon, "ribbon") : null;
        setNotes((current) => withNote(current, RIBBON_SCOPE, note, ribbon?.sheets ?? []));
        if (note) onRibbon.current?.();
      }),
    [],
  );

  const desk = useMemo(() => ({ decideEdited, record, notes, dismiss }), [decideEdited, record, notes, dismiss]);
  return (
    <WriteDeskContext.Provider value={desk}>
      {children}
      {question && <EditedSheetsDialog edited={question.edited} onAnswer={question.answer} />}
    </WriteDeskContext.Provider>
  );
}

/** Marks the view whose writes the components inside belong to (App wraps each panel). */
export function WriteScope({ id, children }: { id: string; children: ReactNode }) {
  const [inline, setInline] = useState(0);
  const claim = useCallback(() => {
    setInline((n) => n + 1);
    return () => setInline((n) => n - 1);
  }, []);
  const scope = useMemo(() => ({ id, inline, claim }), [id, inline, claim]);
  return <WriteScopeContext.Provider value={scope}>{children}</WriteScopeContext.Provider>;
}

/**
 * The workbook port every view writes through: the adapter's, asking the user about edited
 * report sheets and recording what each write did for {@link WriteNotices}. Outside a
 * `WriteDeskProvider` (a view tested alone) it is the plain port, which keeps edited sheets.
 *
 * @example
 * const port = usePanePort();
 * await runCreditCheck(port, request);
 */
export function usePanePort(): WorkbookPort {
  const { run } = usePane();
  const desk = useContext(WriteDeskContext);
  const scope = useContext(WriteScopeContext).id;
  const decideEdited = desk?.decideEdited;
  const record = desk?.record;
  return useMemo(() => {
    // No suffix passed: a kept sheet's suffix follows the language of its own name, as the ribbon's does.
    const port = excelPort(run, { decideEdited });
    if (!record) return port;
    return {
      ...port,
      writeSheets: async (sheets, options) => {
        const written = await port.writeSheets(sheets, options);
        record(scope, written);
        return written;
      },
    };
  }, [run, decideEdited, record, scope]);
}

/**
 * The notes of the current view's writes (empty outside a provider), so a view can show its
 * own result as a warning when something was not applied.
 *
 * @example
 * const { notApplied } = useWriteNotes(); // true after a freeze-panes failure
 */
export function useWriteNotes(): { notes: WriteNote[]; notApplied: boolean } {
  const desk = useContext(WriteDeskContext);
  const scope = useContext(WriteScopeContext).id;
  const notes = desk?.notes[scope] ?? [];
  return { notes, notApplied: notes.some((n) => n.warnings.length > 0) };
}

const useStyles = makeStyles({
  notes: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

/**
 * What the current view's writes did besides writing: sheets kept as "… (edited)" or replaced
 * as the user chose (info), freeze panes or filters Excel would not apply (warning). Notes that
 * came from the ribbon are scrolled into view and focused.
 *
 * The shell puts one at the top of every view (`placement="panel"`); a view may place it beside
 * its own result instead (the default, as the aging does), and the panel's copy then gives way,
 * so the notes appear once.
 */
export function WriteNotices({ placement = "inline" }: { placement?: "inline" | "panel" }) {
  const { t } = usePane();
  const styles = useStyles();
  const desk = useContext(WriteDeskContext);
  const { id: scope, inline, claim } = useContext(WriteScopeContext);
  useEffect(() => (placement === "inline" ? claim() : undefined), [placement, claim]);
  const { notes } = useWriteNotes();
  const ref = useRef<HTMLDivElement>(null);
  const fromRibbon = notes.find((n) => n.source === "ribbon");
  useEffect(() => {
    if (!fromRibbon) return;
    ref.current?.scrollIntoView?.({ block: "start" });
    ref.current?.focus();
  }, [fromRibbon]);

  const kept = notes.flatMap((n) => n.kept);
  const overwritten = notes.flatMap((n) => n.overwritten);
  const warnings = notes.flatMap((n) => n.warnings);
  if (placement === "panel" && inline > 0) return null;
  return (
    // A live region without the status role: views keep their own single "status" for their result.
    <div ref={ref} tabIndex={-1} aria-live="polite" className={styles.notes}>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("pane.write.notApplied.title")}</MessageBarTitle>
            <ul className={styles.list}>
              {warnings.map((w) => (
                <li key={`${w.sheet}|${w.kind}`} className={styles.item}>
                  {t("pane.write.viewSettings", { sheet: w.sheet, detail: w.detail })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {kept.length + overwritten.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(kept.length > 0 ? "pane.write.kept.title" : "pane.write.overwritten.title")}</MessageBarTitle>
            <ul className={styles.list}>
              {kept.map((k) => (
                <li key={k.keptAs} className={styles.item}>
                  {t("pane.write.kept", { sheet: k.sheet, keptAs: k.keptAs })}
                </li>
              ))}
              {overwritten.map((sheet) => (
                <li key={sheet} className={styles.item}>
                  {t("pane.write.overwritten", { sheet })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => desk?.dismiss(scope)}>
              {t("pane.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

const useDialogStyles = makeStyles({
  // Fits the narrowest pane (320 px) in both languages: the buttons wrap instead of overflowing.
  surface: { maxWidth: "calc(100vw - 16px)", boxSizing: "border-box" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** The question asked before a re-run replaces report sheets the user edited. */
function EditedSheetsDialog({ edited, onAnswer }: { edited: EditedSheet[]; onAnswer: (choice: EditedSheetChoice) => void }) {
  const { t } = usePane();
  const styles = useDialogStyles();
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onAnswer("cancel")}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t("pane.edited.title")}</DialogTitle>
          <DialogContent>
            <p>{t("pane.edited.body")}</p>
            <ul className={styles.list}>
              {edited.map((e) => (
                <li key={e.sheet}>{t("pane.edited.sheet", { sheet: e.sheet, keptAs: e.keptAs })}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={() => onAnswer("keep")}>
              {t("pane.edited.keep")}
            </Button>
            <Button onClick={() => onAnswer("replace")}>{t("pane.edited.replace")}</Button>
            <Button appearance="subtle" onClick={() => onAnswer("cancel")}>
              {t("pane.edited.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
