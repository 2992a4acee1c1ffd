// Runs each request of a path through iam-simulate and turns the results into a verdict.
//
// runSimulation validates the request (action, resource type, policies) and drops the context
// keys it does not find for the action. iam-simulate 0.1.173 recognises a key with a placeholder
// only when the placeholder follows a '/' (aws:RequestTag/<tag>), so it drops
// kms:EncryptionContext:<key> although the reference defines it for kms:Decrypt and the rest. Such
// a request, once valid, is run again with runUnsafeSimulation (the same engine without that
// filter), given only the keys that apply to its action.

// iam-simulate's error codes, in words.
const meanings = {
  "no.resource.types": "the ARN fits no resource type of the action",
  "must.use.wildcard": "the action acts on no resource type, so only * applies",
  "invalid.action": "no such action",
};

const describe = (errors) => {
  const { message, ...details } = errors;
  const parts = Object.entries(details).map(([where, list]) => `${where} ${JSON.stringify(list)}`);
  return [meanings[message] ? `${message}: ${meanings[message]}` : message, ...parts].join("; ");
};

export async function simulateRequest(request, { simulate, policy }, reference) {
  const simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: request.context,
    },
    identityPolicies: request.identity,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(request.resourcePolicy ? { resourcePolicy: request.resourcePolicy.policy } : {}),
    ...(request.blockPublicAccess ? { additionalSettings: { s3: { blockPublicAccess: true } } } : {}),
  };
  const response = await simulate.runSimulation(simulation, { simulationMode: "Strict" });
  if (response.resultType === "error") {
    let detail = describe(response.errors);
    if (response.errors.message === "no.resource.types") {
      const [service, name] = request.action.split(":");
      const action = await reference.action(service, name);
      if (action) detail += ` (${(await reference.resourceTypes(service, action)).map((t) => t.format).join("; ")})`;
    }
    return { result: "error", detail, reason: meanings[response.errors.message] ?? response.errors.message };
  }

  const ignored = response.resultType === "single" ? (response.result.ignoredContextKeys ?? []) : response.results.flatMap((r) => r.ignoredContextKeys ?? []);
  const dropped = [];
  for (const key of ignored) if (await reference.keyApplies(request.action, key)) dropped.push(key);
  if (dropped.length === 0) return { result: response.overallResult };

  const context = Object.fromEntries(Object.entries(request.context).filter(([key]) => !ignored.includes(key) || dropped.includes(key)));
  const resourcePolicy = request.resourcePolicy && policy.createValidatedPolicy(request.resourcePolicy.policy, policy.validateResourcePolicy, { name: request.resourcePolicy.name });
  const result = simulate.runUnsafeSimulation(
    { ...simulation, request: { ...simulation.request, contextVariables: context }, ...(resourcePolicy ? { resourcePolicy } : {}) },
    { simulationMode: "Strict" },
  );
  return { result, rerunFor: dropped };
}

const short = (arn) => (arn === "*" ? "*" : arn.replace(/^arn:[^:]+:[^:]+:[^:]*:[^:]*:/, ""));

/** Simulates every request of the path; returns the verdict and, when it is wrong, the problem. */
export async function evaluatePath(path, packages, reference) {
  const outcomes = [];
  for (const request of path.requests) outcomes.push({ request, ...(await simulateRequest(request, packages, reference)) });
  const rerunFor = [...new Set(outcomes.flatMap((o) => o.rerunFor ?? []))];
  const errors = outcomes.filter((o) => o.result === "error");
  const unexpected = outcomes.filter((o) => o.result !== "error" && (o.result === "Allowed") !== (path.expect === "allowed"));
  const actions = (list) => [...new Set(list.map((o) => o.request.action))].join(", ");

  if (errors.length > 0) {
    const first = errors[0];
    return { verdict: `**ERROR**: ${actions(errors)}: ${first.reason}`, ok: false, rerunFor, problem: `simulation refused ${first.request.action} on ${first.request.resource}: ${first.detail}` };
  }
  if (unexpected.length === 0) return { verdict: path.expect, ok: true, rerunFor };
  if (path.accepted) return { verdict: `allowed, accepted: ${path.accepted}`, ok: true, rerunFor };

  const first = unexpected[0];
  const context = Object.entries(first.request.context)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  const got = path.expect === "allowed" ? "DENIED" : "ALLOWED";
  return {
    verdict: `**${got}**, expected ${path.expect}: ${actions(unexpected)} on ${[...new Set(unexpected.map((o) => short(o.request.resource)))].join(", ")}`,
    ok: false,
    rerunFor,
    problem: `${first.request.principal} ${first.request.action} on ${first.request.resource}${context ? ` [${context}]` : ""} is ${first.result}, expected ${path.expect}${
      unexpected.length > 1 ? ` (${unexpected.length - 1} more request${unexpected.length > 2 ? "s" : ""} of the path likewise)` : ""
    }`,
  };
}
