/**
 * Builds the add-in into dist/ (after OfficeDev/Excel-Custom-Functions-Shared and
 * Office-Addin-TaskPane-React, by hand).
 *
 *   npm run build                                   production add-in, manifest URLs unchanged
 *   npm run build -- --env baseUrl=https://example.com/ardesk/
 *                                                   production add-in served from that address
 *   AR_DESK_BASE_URL=https://example.com/ardesk/ npm run build   (same, from the environment)
 *   npm run build:dev                               development build, includes the workbench
 *   npm run dev-server                              webpack serve on port 3000 (http on Linux,
 *                                                   https with Office dev certificates elsewhere)
 *
 * One page, taskpane.html, is the shared runtime: it loads office.js, the task pane, the ribbon
 * commands and the custom functions (functions.js, with functions.json and functions.zh-cn.json
 * generated from src/functions/functions.ts and src/functions/zh-cn.ts).
 * workbench.html — the simulated Excel host with the real task pane beside a grid — is built
 * only in development or with `--env workbench`; production bundles never include it.
 *
 * Other env flags: outputPath=DIR (build elsewhere, e.g. for the browser tests), http (force a
 * plain http dev server), port=N (dev server port, default 3000 or AR_DESK_PORT).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_URL, normalizeBaseUrl, rewriteManifest } = require("./scripts/manifest-url");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.production ? "production" : "development");
  const dev = mode === "development";
  const withWorkbench = dev || Boolean(env.workbench);
  const withFunctions = fs.existsSync(path.join(__dirname, FUNCTIONS_SOURCE));
  const given = env.baseUrl || process.env.AR_DESK_BASE_URL || null;
  const baseUrl = given ? normalizeBaseUrl(given) : null; // fails fast on a non-https URL
  const port = Number(env.port || process.env.AR_DESK_PORT || 3000);
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving && !env.http && (process.platform === "win32" || process.platform === "darwin");

  if (!dev && !baseUrl && !serving) {
    console.warn(`[ar-desk] No base URL given: dist/manifest.xml keeps ${DEV_URL}. Pass --env baseUrl=https://… or set AR_DESK_BASE_URL.`);
  }

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  if (withFunctions) entry.functions = FUNCTIONS_SOURCE;
  if (withWorkbench) entry.workbench = "./src/workbench/index.tsx";

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: withFunctions ? ["taskpane", "commands", "functions"] : ["taskpane", "commands"],
      chunksSortMode: "manual",
    }),
    new CopyWebpackPlugin({
      patterns: [
        // Icons and static pages; the sample workbook is for the CLI, not the web server.
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "assets/help.html", to: "help.html" },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform(content) {
            return baseUrl ? rewriteManifest(content.toString(), baseUrl) : content;
          },
        },
      ],
    }),
  ];
  if (withFunctions) {
    // functions.json from the JSDoc, then functions.zh-cn.json from it (manifest: Metadata URL
    // with a zh-CN override). The localizing plugin must come after the generator.
    const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
    const { LocalizedFunctionsMetadataPlugin } = require("./scripts/functions-metadata");
    plugins.push(new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }));
    plugins.push(new LocalizedFunctionsMetadataPlugin({ source: "functions.json", output: "functions.zh-cn.json" }));
  }
  if (withWorkbench) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/page/workbench.html",
        chunks: ["workbench"],
      }),
    );
  }

  let server = "http";
  if (https) {
    // Office desktop needs https://localhost:3000 with a trusted certificate.
    const devCerts = require("office-addin-dev-certs");
    server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode,
    devtool: "source-map",
    entry,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.join(__dirname, "dist"),
      // functions.js keeps its name: the manifest's custom functions Script URL points at it.
      filename: (pathData) => (dev || pathData.chunk?.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules so webpack can tree-shake Fluent UI; ES2020 for Office's webviews.
              compilerOptions: { module: "esnext", target: "ES2020", sourceMap: true, noEmit: false, declaration: false },
            },
          },
        },
      ],
    },
    optimization: {
      // taskpane and commands load on the same page: one webpack runtime, so a module both
      // import (the ribbon's pending-problem store, the adapter) exists once, and shared chunks.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: dev ? { hints: false } : { hints: "warning", maxEntrypointSize: 1536000, maxAssetSize: 1536000 },
    plugins,
    devServer: {
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
      host: "localhost",
      port,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
