/**
 * Cancellation for long adapter operations: the use cases' (src/app/cancel.ts), re-exported where
 * the adapter's callers always found it, so a cancel thrown by a use case between stages and one
 * thrown by the adapter between round trips are the same error.
 */
export { CancelledError, isCancelled, throwIfAborted } from "../app/cancel";
