/**
 * Cancellation for long operations, shared by the use cases and the adapters.
 *
 * A cancelled operation rejects with {@link CancelledError}. Its `name` is "AbortError", the
 * name `fetch` and DOM APIs use for an aborted `AbortSignal`, so callers can treat AR Desk's
 * cancellation and the platform's the same way (`err.name === "AbortError"`).
 */

/**
 * The operation stopped because its `AbortSignal` was aborted. Whatever it had written is
 * already removed when this is thrown.
 *
 * @example
 * try { await runAging(port, request, { signal }); }
 * catch (e) { if (isCancelled(e)) showMessage("Cancelled"); else throw e; }
 */
export class CancelledError extends Error {
  override readonly name = "AbortError";
  constructor(message = "The operation was cancelled.") {
    super(message);
  }
}

/**
 * True for AR Desk's {@link CancelledError} and for any other abort error (DOMException).
 *
 * @example
 * isCancelled(new CancelledError()); // true
 */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/**
 * Throws {@link CancelledError} when `signal` is aborted; called between stages and round trips
 * so that a cancel takes effect at the next boundary.
 *
 * @example
 * throwIfAborted(options.signal);
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
