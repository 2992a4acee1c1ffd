// Proof that the check can fail: broken variants of the snapshots and of the deploy role's policy,
// made in memory, must each fail with their own problem line (whatever else the snapshots get
// wrong at the time). A variant breaks the snapshot (breakIt), the policy (breakPolicy) or both;
// each returns whether it found something to break.
import { parseArn } from "./arn-patterns.mjs";

const clone = (value) => JSON.parse(JSON.stringify(value));
const statement = (policy, sid) => policy.Statement.find((s) => s.Sid === sid);

export const brokenVariants = [
  {
    name: "(a) the AWS managed policy ARN with the path service-role/ put back",
    snapshot: "resources-prod-bluegreen-https.json",
    breakIt(resources) {
      const attachments = resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && /^arn:[^:]+:iam::aws:policy\//.test(r.inputs?.policyArn));
      for (const a of attachments) a.inputs.policyArn = a.inputs.policyArn.replace(/^(arn:[^:]+:iam::aws:policy\/)(?!service-role\/)/, "$1service-role/");
      return attachments.length > 0;
    },
    mustReport: /managed policy arn:[^:]+:iam::aws:policy\/service-role\/\S+ does not exist/,
  },
  {
    name: "(b) a topic policy that holds only the Budgets statement",
    snapshot: "resources-prod.json",
    breakIt(resources) {
      const policies = resources.filter((r) => r.type === "aws:sns/topicPolicy:TopicPolicy");
      for (const p of policies) {
        const document = JSON.parse(p.inputs.policy);
        const isBudgets = (s) => [s.Principal?.Service].flat().includes("budgets.amazonaws.com");
        document.Statement = [document.Statement].flat().filter(isBudgets);
        if (document.Statement.length === 0)
          document.Statement = [
            {
              Sid: "BudgetsPublish",
              Effect: "Allow",
              Principal: { Service: "budgets.amazonaws.com" },
              Action: "sns:Publish",
              Resource: p.inputs.arn,
              Condition: { StringEquals: { "aws:SourceAccount": parseArn(p.inputs.arn)?.account } },
            },
          ];
        p.inputs.policy = JSON.stringify(document);
      }
      return policies.length > 0;
    },
    mustReport: /path "cloudwatch\.amazonaws\.com publishes [^"]*": .* is (Implicitly|Explicitly)Denied, expected allowed/,
  },
  {
    name: "(c) iam:PassRole of the stack's roles without the iam:PassedToService condition",
    snapshot: "resources-prod.json",
    breakPolicy: (policy) => delete statement(policy, "PassStackRoles")?.Condition,
    mustReport: /deploy path "deploy role passes a stack role to ec2\.amazonaws\.com": .* is Allowed, expected denied/,
  },
  {
    name: "(d) iam:AttachRolePolicy without the iam:PolicyARN condition",
    snapshot: "resources-prod-bluegreen-https.json",
    breakPolicy: (policy) => delete statement(policy, "StackRolesManagedPolicies")?.Condition,
    mustReport: /deploy path "deploy role attaches AdministratorAccess to a stack role": .* is Allowed, expected denied/,
  },
  {
    name: "(e) the deploy role's policy without wafv2:*",
    snapshot: "resources-prod.json",
    breakPolicy(policy) {
      const services = statement(policy, "StackServices");
      const before = services?.Action.length;
      if (services) services.Action = services.Action.filter((a) => a !== "wafv2:*");
      return services?.Action.length < before;
    },
    mustReport: /deploy path "deploy role creates aws:wafv2\/webAcl:WebAcl \(wafv2:CreateWebACL\)": .* is ImplicitlyDenied, expected allowed/,
  },
  {
    name: "(f) a managed policy attached that the deploy role's policy does not list",
    snapshot: "resources-prod-bluegreen-https.json",
    breakIt(resources) {
      const attachment = resources.find((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
      if (attachment) resources.push({ ...clone(attachment), name: `${attachment.name}-extra`, inputs: { ...attachment.inputs, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } });
      return attachment !== undefined;
    },
    mustReport: /deploy path "deploy role attaches ReadOnlyAccess to role [^"]*": .* is ImplicitlyDenied, expected allowed/,
  },
  {
    name: "(g) a role outside the deploy role's policy (app-worker)",
    snapshot: "resources-dev.json",
    breakIt(resources) {
      const role = resources.find((r) => r.type === "aws:iam/role:Role");
      if (role) resources.push({ ...clone(role), name: "app-worker" });
      return role !== undefined;
    },
    mustReport: /deploy path "deploy role creates, reads, tags and deletes role app-worker [^"]*": .* is ImplicitlyDenied, expected allowed/,
  },
  {
    name: "(h) a resource type without a create action in deploy-actions.mjs",
    snapshot: "resources-dev.json",
    breakIt: (resources) => resources.push({ type: "aws:sqs/queue:Queue", name: "widget-queue", parent: resources[0]?.parent, inputs: {} }) > 0,
    mustReport: /aws:sqs\/queue:Queue has no create action in \.ci\/iam\/deploy-actions\.mjs/,
  },
];

/** Runs every variant through check(snapshot) and reports whether each failed as it must. */
export async function selfTest(snapshots, deployPolicy, check) {
  let passed = 0;
  for (const variant of brokenVariants) {
    const original = snapshots.find((s) => s.file.endsWith(variant.snapshot));
    const resources = clone(original?.resources ?? []);
    const policy = clone(deployPolicy);
    if (!original || !(variant.breakIt?.(resources) ?? true) || !(variant.breakPolicy?.(policy) ?? true)) {
      console.log(`self-test ${variant.name}: FAILED, ${variant.snapshot} or the deploy role's policy has nothing to break`);
      continue;
    }
    const result = await check({ ...original, resources }, policy);
    const lines = result.problems.filter((p) => variant.mustReport.test(p));
    if (lines.length > 0) {
      passed++;
      console.log(`self-test ${variant.name}: the check fails as it must (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}), with:`);
      for (const line of lines) console.log(`  ${result.label}: ${line}`);
    } else {
      console.log(`self-test ${variant.name}: FAILED, the check did not report it; its problems were:`);
      for (const line of result.problems) console.log(`  ${result.label}: ${line}`);
    }
  }
  console.log(`iam check self-test: ${passed} of ${brokenVariants.length} broken variants fail as they must`);
  return passed === brokenVariants.length;
}
