// Proof that the check can fail: two broken variants of the snapshots, made in memory, must each
// fail with their own problem line (whatever else the snapshots get wrong at the time).
import { parseArn } from "./arn-patterns.mjs";

const clone = (value) => JSON.parse(JSON.stringify(value));

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
];

/** Runs every variant through check(snapshot) and reports whether each failed as it must. */
export async function selfTest(snapshots, check) {
  let passed = 0;
  for (const variant of brokenVariants) {
    const original = snapshots.find((s) => s.file.endsWith(variant.snapshot));
    const resources = clone(original?.resources ?? []);
    if (!original || !variant.breakIt(resources)) {
      console.log(`self-test ${variant.name}: FAILED, ${variant.snapshot} has nothing to break`);
      continue;
    }
    const result = await check({ ...original, resources });
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
