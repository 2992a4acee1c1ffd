// The deploy role's policy (the role GitHub Actions assumes to run `pulumi up`), read from the
// README, where ops copy it from: the JSON block between two markers. It names the example
// account and hosted zone the README tells the reader to replace; checked against a snapshot,
// they become the snapshot's own (and arn:aws: its partition).
export const begin = "<!-- deploy-policy:begin -->";
export const end = "<!-- deploy-policy:end -->";

const exampleAccount = "123456789012";
const exampleZone = "Z0123456789EXAMPLE";

/** The policy document, or a problem when the markers or the JSON block between them are missing. */
export function readDeployPolicy(readme) {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) return { problem: `README.md: no deploy role policy between the markers ${begin} and ${end}` };
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(start, stop));
  if (!block) return { problem: "README.md: no ```json block between the deploy role policy's markers" };
  try {
    return { document: JSON.parse(block[1]) };
  } catch (error) {
    return { problem: `README.md: the deploy role policy is not JSON (${error.message})` };
  }
}

/** The hosted zones the stack's records go to (none without a domain). */
export const hostedZonesOf = (model) => [...new Set(model.resources.filter((r) => r.type === "aws:route53/record:Record").map((r) => r.inputs?.zoneId))];

/** The policy as ops would deploy it for the stack: its partition, account and hosted zone. */
export function deployPolicyFor(document, model) {
  const zone = hostedZonesOf(model)[0] ?? exampleZone;
  const text = JSON.stringify(document).replaceAll("arn:aws:", `arn:${model.partition}:`).replaceAll(`:${exampleAccount}:`, `:${model.account}:`).replaceAll(exampleZone, zone);
  return JSON.parse(text);
}

const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every value the policy's Allow statements test the condition key against, under any operator. */
export const conditionValues = (document, key) =>
  list(document?.Statement)
    .filter((s) => s.Effect === "Allow")
    .flatMap((s) => Object.values(s.Condition ?? {}).flatMap((block) => Object.entries(block ?? {}).filter(([k]) => k.toLowerCase() === key.toLowerCase()).flatMap(([, v]) => list(v))));
