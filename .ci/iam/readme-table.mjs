// The README's table of access paths per stack, between two markers; --write regenerates it, and
// without --write the check fails when the README says something else.
import { basename } from "node:path";

export const begin = "<!-- iam-check:begin -->";
export const end = "<!-- iam-check:end -->";

const cell = (text) => text.replace(/\|/g, "\\|");

export function renderSection(results) {
  const lines = [begin];
  for (const { label, file, model, paths, policyProblems } of results) {
    lines.push("", `**${label}** (\`${basename(file)}\`: account ${model.account}, ${model.region})`, "", "| Path | Verdict |", "|---|---|");
    for (const path of paths) lines.push(`| ${cell(path.label)} | ${cell(path.verdict)} |`);
    lines.push("");
    if (policyProblems.length === 0) lines.push("Policies (managed policy ARNs, grammar, actions, resource ARNs, condition keys): no problem.");
    else lines.push(`Policies (managed policy ARNs, grammar, actions, resource ARNs, condition keys): ${policyProblems.length} problem${policyProblems.length > 1 ? "s" : ""}:`, "", ...policyProblems.map((p) => `- ${p}`));
  }
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
