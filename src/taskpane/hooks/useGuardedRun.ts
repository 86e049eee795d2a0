/**
 * The running state every pane action shares: a spinner while it runs, and what it threw kept
 * for the view's error notice instead of escaping into React.
 */
import { useCallback, useRef, useState } from "react";

/** What {@link useGuardedRun} gives a hook. */
export interface GuardedRun {
  /** True while a guarded action runs. */
  running: boolean;
  /** What the last guarded action threw (null when it finished, or before the next one starts). */
  error: unknown;
  /** Runs `work` guarded; resolves true when it finished, false when it threw. */
  guard: (work: () => Promise<void>) => Promise<boolean>;
}

/**
 * A pane action's running state and failure. `guard(work)` clears the last failure (and whatever
 * `reset` clears: a notice, a problem), shows the spinner while `work` runs, and keeps what it
 * throws in `error`.
 *
 * @example
 * const { running, error, guard } = useGuardedRun(() => setNotice(null));
 * const analyse = () => guard(async () => setKpis(await runInsights(port, read, request)));
 */
export function useGuardedRun(reset?: () => void): GuardedRun {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The latest reset, without making `guard` change on every render.
  const resetRef = useRef(reset);
  resetRef.current = reset;
  const guard = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setError(null);
    resetRef.current?.();
    setRunning(true);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setRunning(false);
    }
  }, []);
  return { running, error, guard };
}
