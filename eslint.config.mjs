// Lint rules, including the architecture's import rules (docs/ARCHITECTURE.md, "Folder rules"):
// import zones by path for every file of a folder, sub-folders included; no import cycles in
// src/; the engine is pure; one clock; UI never calls Excel.run directly.
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { IMPORT_ZONES } from "./eslint.zones.mjs";

// Imports are resolved as TypeScript resolves them, and followed through .ts/.tsx files (the
// cycle check parses every module it walks through).
const IMPORT_SETTINGS = {
  "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
  "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
  "import-x/extensions": [".ts", ".tsx", ".js"],
};

const noIoInEngine = {
  patterns: [
    {
      group: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "node:*", "path", "os", "child_process"],
      message: "src/engine is pure: no I/O, UI or Office imports.",
    },
  ],
};
const noIoInApp = {
  patterns: [
    {
      group: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "fs/*", "node:*", "path", "os", "child_process"],
      message: "src/app reaches the workbook through the port only: no I/O, UI or Office imports.",
    },
  ],
};

const CLOCK_MESSAGE = "Read today's date from src/host/clock.ts (or take it as an argument), never from the system clock here.";
const CLOCK_RULES = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: CLOCK_MESSAGE },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: CLOCK_MESSAGE },
];

const NO_EXCEL_RUN = {
  selector: "MemberExpression[object.name='Excel'][property.name='run']",
  message: "Excel.run comes from src/host/office.ts; everything else receives it as an argument.",
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "test-output/**",
      "bench-output/**",
      "**/*.mjs",
      "**/*.js",
      "!scripts/**/*.js",
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Import zones hold for every file by path (see eslint.zones.mjs), resolved as TypeScript does.
    files: ["src/**/*.ts", "src/**/*.tsx", "bench/**/*.ts", "scripts/**/*.js"],
    plugins: { "import-x": importX },
    settings: IMPORT_SETTINGS,
    rules: { "import-x/no-restricted-paths": ["error", { zones: IMPORT_ZONES }] },
  },
  {
    // No import loops in src/ (the workbench's simulated object model refers to itself freely,
    // as Excel's does).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbench/**"],
    plugins: { "import-x": importX },
    settings: IMPORT_SETTINGS,
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Build scripts are plain Node: only the zone rule and a few basics apply to them.
    files: ["scripts/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
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
      "no-restricted-imports": ["error", noIoInEngine],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document", "process", "require"],
      "no-restricted-syntax": ["error", ...CLOCK_RULES],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: { "no-restricted-imports": ["error", noIoInApp] },
  },
  {
    files: ["src/file/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["react", "react-dom", "@fluentui/*"], message: "src/file is the ExcelJS/CSV adapter: no UI." }] },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Excel"] },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["exceljs"], message: "UI calls src/app for use cases and src/excel for the workbook." }] },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
