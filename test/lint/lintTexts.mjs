// Lints texts as if they were files at given paths, with the repository's ESLint config, and
// prints the rule ids per file as JSON. Run as a child process by zones.test.ts: Jest's module
// loader cannot import the flat config (an ES module) itself.
//   echo '[{"file":"src/engine/x.ts","source":"…"}]' | node test/lint/lintTexts.mjs
import { ESLint } from "eslint";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const cases = JSON.parse(
  await new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { file, source } of cases) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  out.push((result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
