/** @jest-environment jsdom */
/**
 * A pane action's running state: the spinner shows while the action runs, what it throws is kept
 * for the view (never escapes), and the next action starts with a clean slate.
 */
import { act, renderHook } from "@testing-library/react";
import { useGuardedRun } from "../../../src/taskpane/hooks/useGuardedRun";

/** A promise the test settles by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (failure: unknown) => void } {
  let resolve = (): void => undefined;
  let reject = (_failure: unknown): void => undefined;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe("useGuardedRun", () => {
  it("is running while the action runs, and resolves true when it finished", async () => {
    const { result } = renderHook(() => useGuardedRun());
    const step = deferred();
    let finished: Promise<boolean> = Promise.resolve(false);
    act(() => {
      finished = result.current.guard(() => step.promise);
    });
    expect(result.current.running).toBe(true);
    await act(async () => {
      step.resolve();
      await expect(finished).resolves.toBe(true);
    });
    expect(result.current.running).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("keeps what the action threw and resolves false; the next action clears it and calls reset first", async () => {
    const reset = jest.fn();
    const { result } = renderHook(() => useGuardedRun(reset));
    const failure = new Error("the workbook is busy");
    await act(async () => {
      await expect(result.current.guard(() => Promise.reject(failure))).resolves.toBe(false);
    });
    expect(result.current.error).toBe(failure);
    expect(result.current.running).toBe(false);
    expect(reset).toHaveBeenCalledTimes(1);

    const step = deferred();
    act(() => {
      void result.current.guard(() => step.promise);
    });
    expect(result.current.error).toBeNull();
    expect(reset).toHaveBeenCalledTimes(2);
    await act(async () => {
      step.resolve();
      await step.promise;
    });
  });

  it("keeps the same guard across renders, so callbacks built on it stay stable", () => {
    const { result, rerender } = renderHook(({ reset }) => useGuardedRun(reset), { initialProps: { reset: () => undefined } });
    const first = result.current.guard;
    rerender({ reset: () => undefined });
    expect(result.current.guard).toBe(first);
  });
});
