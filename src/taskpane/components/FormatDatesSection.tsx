/**
 * A button that formats the selected cells as dates, for the AR. functions that return dates
 * (custom functions cannot format their own cell).
 */
import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { useFormatDates } from "../hooks/useFormatDates";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

/** The "Format selection as dates" section. */
export function FormatDatesSection() {
  const { run, t } = usePane();
  const styles = useStyles();
  const { outcome, busy, formatSelection } = useFormatDates(run);
  return (
    <section className={styles.root} aria-labelledby="ar-format-dates-heading">
      <Subtitle2 as="h3" id="ar-format-dates-heading">
        {t("pane.formatDates.heading")}
      </Subtitle2>
      <Text>{t("pane.formatDates.intro")}</Text>
      <Button onClick={() => void formatSelection()} disabled={busy}>
        {t("pane.formatDates.run")}
      </Button>
      <div role="status">{outcome.kind === "done" && <Text>{t("pane.formatDates.done", { address: outcome.address })}</Text>}</div>
      {outcome.kind === "failed" && <ErrorNotice error={outcome.error} />}
    </section>
  );
}
