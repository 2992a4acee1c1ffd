// The whole check of one snapshot: the policies as written, then every access path simulated.
import { accessPaths } from "./access-paths.mjs";
import { checkManagedPolicies, checkPolicyDocuments, policyDocuments } from "./policy-checks.mjs";
import { evaluatePath } from "./simulate.mjs";
import { readStack } from "./snapshot.mjs";

export async function checkStack(snapshot, packages, reference, root) {
  const model = await readStack(snapshot, reference, root);
  const policyProblems = [
    ...model.problems,
    ...checkManagedPolicies(model, packages.managedPolicies),
    ...(await checkPolicyDocuments(model, reference, packages.policy)),
  ];
  const built = await accessPaths(model, reference);
  policyProblems.push(...built.problems);
  const paths = [];
  for (const path of built.paths) paths.push({ ...path, ...(await evaluatePath(path, packages, reference)) });
  return {
    ...snapshot,
    model,
    documents: policyDocuments(model).length,
    paths,
    policyProblems,
    problems: [...policyProblems, ...paths.filter((p) => !p.ok).map((p) => `path "${p.label}": ${p.problem}`)],
    rerunFor: [...new Set(paths.flatMap((p) => p.rerunFor))],
  };
}
