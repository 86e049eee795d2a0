/**
 * The Collections view's work, over a workbook port: build the worklist (writes "AR Collections"),
 * log a follow-up (appends to the user's log), write letters for a customer.
 */
import { useCallback, useState } from "react";
import { useGuardedRun } from "./useGuardedRun";
import type { WorkbookPort } from "../../app/port";
import { clearCollectionsHighlights, logFollowUp, runCollections, type CollectionsRun, type FollowUpInput } from "../../app/collections";
import type { WorkbookSettings } from "../../excel/types";
import type { Lang } from "../../engine/types";
import { buildLetters, letterHtml, letterText } from "../../engine/collections";

/** A message id and its parameters, shown after an action. */
export interface Notice {
  id: string;
  params: Record<string, string | number>;
}

/** State and actions of the Collections view. */
export interface CollectionsState {
  running: boolean;
  result: Extract<CollectionsRun, { ok: true }> | null;
  /** The run found no invoice table: its issues' messages. */
  problems: string[];
  error: unknown;
  notice: Notice | null;
  build: () => Promise<void>;
  log: (entry: FollowUpInput) => Promise<boolean>;
  /** Writes the letters sheet for these customers (one page each). */
  letter: (customers: readonly string[]) => Promise<void>;
  /** Removes the warnings' highlights from the customer table (and only those). */
  clear: () => Promise<void>;
  /** Puts a customer's letter on the clipboard as text and HTML (for a new e-mail). */
  copyLetter: (customer: string) => Promise<void>;
}

/** The clipboard as the pane uses it: text and HTML together where the browser can. */
export async function copyTextAndHtml(text: string, html: string): Promise<void> {
  const clipboard = globalThis.navigator?.clipboard;
  if (!clipboard) throw new Error("clipboard unavailable");
  const Item = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (Item && typeof clipboard.write === "function") {
    await clipboard.write([
      new Item({ "text/plain": new Blob([text], { type: "text/plain" }), "text/html": new Blob([html], { type: "text/html" }) }),
    ]);
  } else await clipboard.writeText(text);
}

/**
 * Runs collections for the pane: as of today (who to chase today), in the pane's language, with
 * the workbook's date order and default currency.
 */
export function useCollections(port: WorkbookPort, settings: WorkbookSettings, lang: Lang, today: () => number): CollectionsState {
  const [result, setResult] = useState<CollectionsState["result"]>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { running, error, guard } = useGuardedRun();
  const [notice, setNotice] = useState<Notice | null>(null);

  const request = useCallback(
    () => ({ asOf: today(), lang, dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency }),
    [today, lang, settings.dateOrder, settings.defaultCurrency],
  );

  const build = useCallback(async () => {
    await guard(async () => {
      const run = await runCollections(port, request());
      if (!run.ok) {
        setResult(null);
        setProblems(run.issues.filter((i) => i.severity === "error").map((i) => i.message));
        return;
      }
      setProblems([]);
      setResult(run);
      setNotice(
        run.written?.sheets[0]
          ? { id: "collections.pane.written", params: { sheet: run.written.sheets[0], count: run.highlighted } }
          : null,
      );
    });
  }, [guard, port, request]);

  const log = useCallback(
    (entry: FollowUpInput) =>
      guard(async () => {
        const added = await logFollowUp(port, entry, lang);
        setNotice({ id: "collections.pane.logged", params: { table: added.table, row: added.row } });
      }),
    [guard, port, lang],
  );

  const letter = useCallback(
    async (customers: readonly string[]) => {
      await guard(async () => {
        const run = await runCollections(port, { ...request(), letters: customers });
        if (!run.ok) return;
        setResult(run);
        const sheet = run.written?.sheets[1];
        if (sheet) setNotice({ id: "collections.pane.lettersWritten", params: { sheet } });
      });
    },
    [guard, port, request],
  );

  const copyLetter = useCallback(
    async (customer: string) => {
      await guard(async () => {
        if (!result) return;
        const { report, settings: saved } = result;
        const [first] = buildLetters(
          report.aging,
          report.worklist,
          { lang, templates: saved.templates, lateFee: saved.lateFee, remitTo: saved.remitTo },
          new Set([customer]),
        );
        if (!first) return;
        await copyTextAndHtml(`${first.subject}\n\n${letterText(first)}`, letterHtml(first));
        setNotice({ id: "collections.pane.copied", params: { customer } });
      });
    },
    [guard, result, lang],
  );

  const clear = useCallback(async () => {
    await guard(async () => {
      const removed = await clearCollectionsHighlights(port);
      setNotice({ id: "collections.pane.cleared", params: { count: removed } });
    });
  }, [guard, port]);

  return { running, result, problems, error, notice, build, log, letter, copyLetter, clear };
}
