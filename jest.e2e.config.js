/**
 * Browser end-to-end tests (`npm run test:e2e`): the workbench page in headless Chromium.
 * globalSetup builds the add-in with the workbench page (webpack, development mode) into a
 * temporary directory and serves it on 127.0.0.1; set AR_DESK_E2E_DIST to reuse a build.
 * Screenshots go to test-output/e2e/.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
  globalTeardown: "<rootDir>/test/e2e/support/globalTeardown.ts",
  testTimeout: 180000,
};
