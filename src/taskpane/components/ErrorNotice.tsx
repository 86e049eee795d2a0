/**
 * How every view shows a run that did not finish: a failure as an error (titled where the view
 * leads with it), and the user's own Cancel as plain information — cancelling is a choice, not
 * "Something went wrong".
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { isCancelled } from "../../app/cancel";
import { usePane } from "../context";
import { describeError } from "../messages";

/**
 * The notice for a run's error.
 *
 * @example
 * <ErrorNotice error={state.error} titled />
 */
export function ErrorNotice({ error, titled = false }: { error: unknown; titled?: boolean }) {
  const { t } = usePane();
  const cancelled = isCancelled(error);
  return (
    <MessageBar intent={cancelled ? "info" : "error"} layout="multiline">
      <MessageBarBody>
        {titled && !cancelled && <MessageBarTitle>{t("pane.error.title")}</MessageBarTitle>}
        {describeError(t, error)}
      </MessageBarBody>
    </MessageBar>
  );
}
