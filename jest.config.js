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
  // A limit for hangs. Tests known to need longer (the task pane's jsdom tests, LibreOffice,
  // linting through ESLint's API) set their own with jest.setTimeout or a per-test timeout.
  testTimeout: 30000,
};
