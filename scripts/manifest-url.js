/**
 * The development URL written in manifest.xml and how a build replaces it with the address the
 * add-in is served from (`npm run build -- --env baseUrl=https://example.com/ardesk/` or the
 * AR_DESK_BASE_URL environment variable). Used by webpack.config.js and test/manifest.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";

/**
 * Normalises a base URL for the manifest: must be https (Office refuses anything else) and
 * end with "/" so "taskpane.html" can be appended.
 *
 * @example
 * normalizeBaseUrl("https://example.com/ardesk") // "https://example.com/ardesk/"
 */
function normalizeBaseUrl(baseUrl) {
  const url = String(baseUrl).trim();
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Base URL is not a URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`Base URL must use https (Office loads add-ins over https only): ${url}`);
  if (parsed.search || parsed.hash) throw new Error(`Base URL must not carry a query or fragment: ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Rewrites every development URL in a manifest to `baseUrl`.
 *
 * @example
 * rewriteManifest('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', "https://x.org/a/")
 * // '<SourceLocation DefaultValue="https://x.org/a/taskpane.html"/>'
 */
function rewriteManifest(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  return String(xml).split(DEV_URL).join(base);
}

module.exports = { DEV_URL, normalizeBaseUrl, rewriteManifest };
