/**
 * Jest runs TypeScript through ts-jest in transpile-only mode: type errors are caught once,
 * by `npm run typecheck`, instead of on every test file (much faster on a 2-core machine).
 * UI tests opt into jsdom with a `@jest-environment jsdom` docblock.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // The task pane's jsdom tests click through Fluent UI comboboxes and dialogs, and on a busy
  // 2-core shared machine one such test has taken over a minute; the limit is for hangs.
  testTimeout: 180000,
};
