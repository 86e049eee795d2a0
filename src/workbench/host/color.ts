/** Colour normalisation: Excel returns "#RRGGBB" and accepts "#rgb"-less hex or HTML names. */
import { HostError, HostErrorCode } from "./errors";

const NAMES: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  purple: "#800080",
  navy: "#000080",
  maroon: "#800000",
  teal: "#008080",
  cyan: "#00FFFF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  lightgray: "#D3D3D3",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
};

/** Normalises a colour to "#RRGGBB"; throws InvalidArgument for anything else. */
export function normalizeColor(input: unknown, label: string): string {
  const s = typeof input === "string" ? input.trim() : "";
  if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
  const named = NAMES[s.toLowerCase()];
  if (named) return named;
  throw new HostError(
    HostErrorCode.invalidArgument,
    `The argument is invalid or missing or has an incorrect format: color '${String(input)}'.`,
    label,
  );
}
