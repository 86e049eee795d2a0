/**
 * The AR custom functions as the simulated host's function registry: what the workbench page
 * plugs into its host so `=AR.…` formulas typed in the grid compute through the same
 * implementations Excel calls (src/functions/registry). The host itself only knows the
 * FunctionRegistry interface.
 */
import { createRegistry, FUNCTION_NAMESPACE, resolveFunctionName, type FunctionContext } from "../../functions/registry";
import type { FunctionRegistry, HostFunction } from "../host/functions";

/**
 * A registry of the AR functions bound to a context read at every call (so a language or
 * "today" change applies at the next recalculation). Names need the namespace, as in Excel:
 * "AR.DAYSOVERDUE" and "AR.逾期天数" resolve, "DAYSOVERDUE" does not.
 *
 * @example
 * workbench.registerFunctions(arFunctionRegistry(() => ({ lang: "zh-CN", today: () => 46326 })));
 */
export function arFunctionRegistry(context: () => FunctionContext): FunctionRegistry {
  const functions = createRegistry(context);
  const prefix = `${FUNCTION_NAMESPACE}.`;
  return {
    namespaces: [FUNCTION_NAMESPACE],
    resolve(name: string): HostFunction | null {
      if (!name.trim().toUpperCase().startsWith(prefix)) return null;
      const id = resolveFunctionName(name);
      return id === null ? null : functions[id];
    },
  };
}
