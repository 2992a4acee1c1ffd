// The whole check of one snapshot: the policies as written, then every access path simulated, then
// the deploy role's paths (when its policy is given) against that policy.
import { accessPaths } from "./access-paths.mjs";
import { deployPolicyFor } from "./deploy-policy.mjs";
import { deployPaths } from "./deploy-paths.mjs";
import { checkManagedPolicies, checkPolicyDocuments, policyDocuments } from "./policy-checks.mjs";
import { evaluatePath } from "./simulate.mjs";
import { readStack } from "./snapshot.mjs";

const evaluateAll = async (built, packages, reference) => {
  const paths = [];
  for (const path of built) paths.push({ ...path, ...(await evaluatePath(path, packages, reference)) });
  return paths;
};
const wrong = (paths, what) => paths.filter((p) => !p.ok).map((p) => `${what} "${p.label}": ${p.problem}`);

export async function checkStack(snapshot, packages, reference, root, deployPolicy) {
  const model = await readStack(snapshot, reference, root);
  const policyProblems = [
    ...model.problems,
    ...checkManagedPolicies(model, packages.managedPolicies),
    ...(await checkPolicyDocuments(model, reference, packages.policy)),
  ];
  const built = await accessPaths(model, reference);
  policyProblems.push(...built.problems);
  const paths = await evaluateAll(built.paths, packages, reference);

  const deploy = deployPolicy ? await deployPaths(model, deployPolicyFor(deployPolicy, model), reference, packages.managedPolicies) : { paths: [], problems: [] };
  const deployed = await evaluateAll(deploy.paths, packages, reference);
  return {
    ...snapshot,
    model,
    documents: policyDocuments(model).length,
    paths,
    deployPaths: deployed,
    policyProblems,
    problems: [...policyProblems, ...wrong(paths, "path"), ...deploy.problems, ...wrong(deployed, "deploy path")],
    rerunFor: [...new Set([...paths, ...deployed].flatMap((p) => p.rerunFor))],
  };
}
