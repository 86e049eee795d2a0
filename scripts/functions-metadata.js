/**
 * Custom functions metadata, without a webpack build:
 *
 *   node scripts/functions-metadata.js [outDir]     writes outDir/functions.json and
 *                                                    outDir/functions.zh-cn.json (default dist/)
 *
 * functions.json is generated from the JSDoc of src/functions/functions.ts by
 * custom-functions-metadata (the same generator the webpack plugin runs). functions.zh-cn.json
 * is the same file with the Chinese names, descriptions and parameter names of
 * src/functions/zh-cn.ts; ids are untouched. Any generator error, or a function or parameter
 * without a translation, fails (the generator's own CLI exits 0 and writes nothing on errors,
 * so the written files are checked too).
 *
 * For the webpack build, LocalizedFunctionsMetadataPlugin derives functions.zh-cn.json from the
 * functions.json asset that CustomFunctionsMetadataPlugin emits.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const Module = require("module");

const ROOT = path.join(__dirname, "..");
const DEFAULT_INPUT = path.join(ROOT, "src", "functions", "functions.ts");
const DEFAULT_TRANSLATIONS = path.join(ROOT, "src", "functions", "zh-cn.ts");

/**
 * Loads the translation map (the `zhCN` export) from a TypeScript file of plain data.
 *
 * @example
 * loadTranslations("src/functions/zh-cn.ts").DAYSOVERDUE.name // "逾期天数"
 */
function loadTranslations(file = DEFAULT_TRANSLATIONS) {
  const ts = require("typescript");
  const filename = path.resolve(file);
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: filename,
  });
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(path.dirname(filename));
  loaded._compile(outputText, filename);
  const translations = loaded.exports.zhCN;
  if (!translations || typeof translations !== "object") throw new Error(`${file} does not export zhCN.`);
  return translations;
}

/**
 * The metadata with every function's name, description and parameters translated; ids, types
 * and options unchanged. Throws when a function or parameter has no translation.
 *
 * @example
 * localizeMetadata({ functions: [{ id: "DSO", name: "DSO", parameters: [] }] }, { DSO: { name: "应收周转天数", description: "…", parameters: {} } })
 * // { functions: [{ id: "DSO", name: "应收周转天数", description: "…", parameters: [] }] }
 */
function localizeMetadata(metadata, translations) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const entry = translations[fn.id];
    if (!entry) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = fn.parameters.map((parameter) => {
      const translated = entry.parameters[parameter.name];
      if (!translated) {
        missing.push(`${fn.id}(${parameter.name})`);
        return parameter;
      }
      return { ...parameter, name: translated.name, description: translated.description };
    });
    return { ...fn, name: entry.name, description: entry.description, parameters };
  });
  if (missing.length > 0) throw new Error(`No zh-CN translation for: ${missing.join(", ")} (src/functions/zh-cn.ts).`);
  return { ...metadata, functions };
}

/**
 * Runs custom-functions-metadata on the functions source; rejects on any generator error.
 *
 * @example
 * const metadata = await generateMetadata(); // { functions: [...] }
 */
async function generateMetadata(input = DEFAULT_INPUT) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(path.resolve(input), false);
  if (result.errors.length > 0) throw new Error(`custom-functions-metadata failed for ${input}:\n${result.errors.join("\n")}`);
  if (!result.metadataJson) throw new Error(`custom-functions-metadata produced no metadata for ${input}.`);
  const metadata = JSON.parse(result.metadataJson);
  if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) throw new Error(`No @customfunction found in ${input}.`);
  return metadata;
}

/**
 * Writes functions.json and functions.zh-cn.json into `outDir` and checks that both exist.
 *
 * @example
 * await writeFunctionsMetadata({ outDir: "dist" }) // { en: "dist/functions.json", zh: "dist/functions.zh-cn.json" }
 */
async function writeFunctionsMetadata({ outDir, input = DEFAULT_INPUT, translations = DEFAULT_TRANSLATIONS }) {
  const metadata = await generateMetadata(input);
  const localized = localizeMetadata(metadata, loadTranslations(translations));
  fs.mkdirSync(outDir, { recursive: true });
  const en = path.join(outDir, "functions.json");
  const zh = path.join(outDir, "functions.zh-cn.json");
  fs.writeFileSync(en, JSON.stringify(metadata, null, 2) + "\n");
  fs.writeFileSync(zh, JSON.stringify(localized, null, 2) + "\n");
  for (const file of [en, zh]) if (!fs.existsSync(file) || fs.statSync(file).size === 0) throw new Error(`Not written: ${file}`);
  return { en, zh };
}

/**
 * webpack plugin: emits `output` (functions.zh-cn.json) from the `source` asset
 * (functions.json, emitted by CustomFunctionsMetadataPlugin, which must come first in
 * `plugins`). Fails the build when the source asset is missing or a translation is missing.
 *
 * @example
 * plugins.push(new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }));
 * plugins.push(new LocalizedFunctionsMetadataPlugin());
 */
class LocalizedFunctionsMetadataPlugin {
  constructor({ source = "functions.json", output = "functions.zh-cn.json", translations = DEFAULT_TRANSLATIONS } = {}) {
    this.options = { source, output, translations: path.resolve(translations) };
  }

  apply(compiler) {
    const name = "LocalizedFunctionsMetadataPlugin";
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.options.translations);
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.source);
        if (!asset) {
          compilation.errors.push(
            new WebpackError(
              `${name}: no ${this.options.source} asset to translate (is CustomFunctionsMetadataPlugin configured before it?)`,
            ),
          );
          return;
        }
        try {
          const metadata = JSON.parse(asset.source.source().toString());
          const localized = localizeMetadata(metadata, loadTranslations(this.options.translations));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(localized, null, 2) + "\n"));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
        }
      });
    });
  }
}

module.exports = { generateMetadata, localizeMetadata, loadTranslations, writeFunctionsMetadata, LocalizedFunctionsMetadataPlugin };

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] || path.join(ROOT, "dist"));
  writeFunctionsMetadata({ outDir }).then(
    ({ en, zh }) => console.log(`Wrote ${path.relative(process.cwd(), en)} and ${path.relative(process.cwd(), zh)}`),
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
