// Lint rules, including the architecture's import rules (see ../ARCHITECTURE in README):
// the engine is pure, custom functions only call the engine, UI never calls Excel.run directly.
import tseslint from "typescript-eslint";

const noOfficeInEngine = {
  patterns: [
    { group: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "node:*", "path", "os", "child_process"], message: "src/engine is pure: no I/O, UI or Office imports." },
    { group: ["../excel/*", "../file/*", "../cli/*", "../taskpane/*", "../commands/*", "../workbench/*", "../functions/*"], message: "src/engine imports only engine/ and i18n/." },
  ],
};

const CLOCK_MESSAGE = "Read today's date from src/host/clock.ts (or take it as an argument), never from the system clock here.";
const CLOCK_RULES = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: CLOCK_MESSAGE },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: CLOCK_MESSAGE },
];

const NO_EXCEL_RUN = { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Excel.run comes from src/host/office.ts; everything else receives it as an argument." };

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**", "bench-output/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // One clock: src/host/clock.ts reads the real date; everything else is handed "today".
    // And one Excel.run: src/host/office.ts picks it up; everything else receives it.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/host/clock.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...CLOCK_RULES, NO_EXCEL_RUN],
    },
  },
  {
    files: ["src/engine/**/*.ts", "src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", noOfficeInEngine],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "process", "require"],
      "no-restricted-syntax": ["error", ...CLOCK_RULES],
    },
  },
  {
    files: ["src/file/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../excel/*", "../taskpane/*", "../commands/*", "../workbench/*", "react", "@fluentui/*"], message: "src/file is the ExcelJS/CSV adapter: engine types and builders only." }] }],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../excel/*", "../file/*", "../taskpane/*", "../commands/*", "../workbench/*", "../cli/*"], message: "Custom functions call the engine only and never write to the workbook." }] }],
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../workbench/*", "../../workbench/*", "../file/*", "../../file/*", "exceljs"], message: "UI calls src/excel for I/O and src/engine for logic." }] }],
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
