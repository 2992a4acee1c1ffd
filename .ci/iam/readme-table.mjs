// The README's table of access paths per stack, between two markers; --write regenerates it, and
// without --write the check fails when the README says something else.
import { basename } from "node:path";

export const begin = "<!-- iam-check:begin -->";
export const end = "<!-- iam-check:end -->";

const cell = (text) => text.replace(/\|/g, "\\|");

/** Every stack's labels in one list, a label new in a later stack placed after its predecessor there. */
function mergedLabels(lists) {
  const merged = [];
  for (const labels of lists)
    labels.forEach((label, i) => {
      if (!merged.includes(label)) merged.splice(i === 0 ? 0 : merged.indexOf(labels[i - 1]) + 1, 0, label);
    });
  return merged;
}

const policiesLine = (what, problems) =>
  problems.length === 0
    ? [`${what}: no problem.`]
    : [`${what}: ${problems.length} problem${problems.length > 1 ? "s" : ""}:`, "", ...problems.map((p) => `- ${p}`)];

export function renderSection(results, deployProblems = []) {
  const lines = [begin];
  for (const { label, file, model, paths, policyProblems } of results) {
    lines.push("", `**${label}** (\`${basename(file)}\`: account ${model.account}, ${model.region})`, "", "| Path | Verdict |", "|---|---|");
    for (const path of paths) lines.push(`| ${cell(path.label)} | ${cell(path.verdict)} |`);
    lines.push("", ...policiesLine("Policies (managed policy ARNs, grammar, actions, resource ARNs, condition keys)", policyProblems));
  }
  // The deploy role's paths, one row per path and a column per stack ("—": the stack has no such path).
  const labels = mergedLabels(results.map((r) => r.deployPaths.map((p) => p.label)));
  lines.push("", "**Deploy role** (its policy in [CI/CD](#cicd), as `assumed-role/widget-deploy`)", "");
  lines.push(`| Path | ${results.map((r) => r.label).join(" | ")} |`, `|---|${results.map(() => "---|").join("")}`);
  for (const label of labels)
    lines.push(`| ${cell(label)} | ${results.map((r) => cell(r.deployPaths.find((p) => p.label === label)?.verdict ?? "—")).join(" | ")} |`);
  lines.push("", ...policiesLine("Deploy role policy (grammar, actions, resource ARNs, condition keys, managed policies and service-linked roles listed exactly)", deployProblems));
  lines.push("", end);
  return lines.join("\n");
}

/** The README's current section (markers included), or undefined when the markers are missing. */
export function currentSection(readme) {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  return start < 0 || stop < start ? undefined : readme.slice(start, stop + end.length);
}

export const replaceSection = (readme, section) => readme.replace(currentSection(readme), () => section);
