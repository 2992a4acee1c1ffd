// A resource snapshot of WidgetStack.Tests (Expected/resources-<stack>[-variant].json: every
// resource the program registers on Pulumi's mock runtime, as { type, name, parent, inputs }) read
// into what the IAM check needs: where the stack lives, its roles with their policies, its keys,
// topics, buckets, log groups, and what refers to them by ARN.
//
// Resources refer to each other by ARN. A resource's own ARN is not in the snapshot: it is the
// ARN format the service authorization reference gives its type, filled in with the stack's
// partition, region and account and the resource's name (its `name` input, else its logical name,
// as the mocks do). A reference that matches no resource of the stack is a problem.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fillFormat, parseArn } from "./arn-patterns.mjs";

/** Pulumi type -> [service, resource type, placeholder that holds the resource's name]. */
const ownArn = {
  "aws:iam/role:Role": ["iam", "role", "RoleNameWithPath"],
  "aws:kms/key:Key": ["kms", "key", "KeyId"],
  "aws:sns/topic:Topic": ["sns", "topic", "TopicName"],
  "aws:cloudwatch/logGroup:LogGroup": ["logs", "log-group", "LogGroupName"],
  "aws:cloudwatch/metricAlarm:MetricAlarm": ["cloudwatch", "alarm", "AlarmName"],
  "aws:ecs/cluster:Cluster": ["ecs", "cluster", "ClusterName"],
  "aws:s3/bucket:Bucket": ["s3", "bucket", "BucketName"],
  "aws:budgets/budget:Budget": ["budgets", "budget", "BudgetName"],
};

/** The snapshot's label: resources-prod-bluegreen-https.json -> prod-bluegreen-https. */
export const labelOf = (file) => basename(file).replace(/^resources-/, "").replace(/\.json$/, "");

/** The stack file the snapshot was made from: the longest label prefix with a Pulumi.<stack>.yaml. */
export function stackFileOf(label, root) {
  const parts = label.split("-");
  for (let n = parts.length; n > 0; n--) {
    const file = join(root, `Pulumi.${parts.slice(0, n).join("-")}.yaml`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

const physicalName = (resource) => resource.inputs?.name ?? resource.name;

/** Every ARN in the snapshot, policies included (they are JSON text inside the inputs). */
const arnsIn = (resources) => [...JSON.stringify(resources).matchAll(/arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:[^"\\,\s]*/g)].map((m) => parseArn(m[0]));

const mostCommon = (values) => {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1]) ? undefined : ranked[0][0];
};

const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Reads the snapshot into a model. Problems found on the way (a policy that is not JSON, an ARN
 * that names nothing of the stack) go into model.problems; the rest of the check still runs.
 */
export async function readStack({ label, resources }, reference, root) {
  const problems = [];
  const problem = (text) => problems.push(text);
  const ofType = (type) => resources.filter((r) => r.type === type);

  // Where the stack lives: the partition, region and account most of its ARNs name (policies
  // name the account, log groups and keys the region too). The stack file must agree.
  const arns = arnsIn(resources);
  const partition = mostCommon(arns.map((a) => a.partition));
  const region = mostCommon(arns.map((a) => a.region).filter((r) => r !== ""));
  const account = mostCommon(arns.map((a) => a.account).filter((a) => /^\d{12}$/.test(a)));
  if (!partition || !region || !account) throw new Error(`${label}: cannot tell the stack's partition, region and account from its ARNs`);
  const stackFile = stackFileOf(label, root);
  const fileRegion = stackFile && /^\s*aws:region:\s*"?([a-z0-9-]+)"?\s*$/m.exec(readFileSync(stackFile, "utf8"))?.[1];
  if (fileRegion && fileRegion !== region) problem(`the resources' ARNs name region ${region}, ${basename(stackFile)} says ${fileRegion}`);

  const json = (resource, field) => {
    const text = resource.inputs?.[field];
    if (text === undefined) return undefined;
    if (typeof text !== "string") return text;
    try {
      return JSON.parse(text);
    } catch (error) {
      problem(`${resource.name}: ${field} is not JSON (${error.message})`);
      return undefined;
    }
  };

  const arnOf = async (resource) => {
    const [service, type, nameKey] = ownArn[resource.type];
    // A role's ARN holds its path; a bucket is named by its bucket input when it has one.
    const name =
      resource.type === "aws:iam/role:Role"
        ? `${(resource.inputs?.path ?? "/").slice(1)}${physicalName(resource)}`
        : resource.type === "aws:s3/bucket:Bucket"
          ? (resource.inputs?.bucket ?? physicalName(resource))
          : physicalName(resource);
    return fillFormat(await reference.format(service, type), { Partition: partition, Region: region, Account: account, [nameKey]: name });
  };
  const withArns = async (type) => Promise.all(ofType(type).map(async (r) => ({ resource: r, name: physicalName(r), arn: await arnOf(r) })));

  /** The resource of the type an ARN names; a problem (and undefined) when none. */
  const lookup = (items, arn, what) => {
    const found = items.find((item) => item.arn === arn?.replace(/:\*$/, ""));
    if (!found) problem(`${what} ${arn} names no ${items.kind} of the stack`);
    return found;
  };
  const kinds = (items, kind) => Object.assign(items, { kind });

  const roles = kinds(await withArns("aws:iam/role:Role"), "role");
  for (const role of roles) {
    const names = [role.name, role.arn];
    role.trust = json(role.resource, "assumeRolePolicy");
    role.inline = [
      ...list(role.resource.inputs?.inlinePolicies).map((p) => ({ name: p.name, policy: JSON.parse(p.policy) })),
      ...ofType("aws:iam/rolePolicy:RolePolicy")
        .filter((p) => names.includes(p.inputs?.role))
        .map((p) => ({ name: p.name, resource: p, policy: json(p, "policy") })),
    ].filter((p) => p.policy !== undefined);
    role.managed = [
      ...list(role.resource.inputs?.managedPolicyArns).map((arn) => ({ arn, where: `${role.name} managedPolicyArns` })),
      ...ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        .filter((a) => names.includes(a.inputs?.role))
        .map((a) => ({ arn: a.inputs.policyArn, where: a.name })),
    ];
    role.session = `arn:${partition}:sts::${account}:assumed-role/${role.name}/widget-check`;
  }
  for (const type of ["aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"])
    for (const orphan of ofType(type).filter((p) => !roles.some((r) => [r.name, r.arn].includes(p.inputs?.role))))
      problem(`${orphan.name}: belongs to role ${orphan.inputs?.role}, which is no role of the stack`);

  // A key without a policy gets AWS's default one: the account may use it through IAM.
  const keys = kinds(await withArns("aws:kms/key:Key"), "key");
  for (const key of keys)
    key.policy = json(key.resource, "policy") ?? {
      Version: "2012-10-17",
      Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:${partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" }],
    };

  const topics = kinds(await withArns("aws:sns/topic:Topic"), "topic");
  for (const topic of topics) {
    const policies = ofType("aws:sns/topicPolicy:TopicPolicy").filter((p) => p.inputs?.arn === topic.arn);
    topic.policyResource = policies[0];
    topic.policy = policies.length > 0 ? json(policies[0], "policy") : json(topic.resource, "policy");
    const keyId = topic.resource.inputs?.kmsMasterKeyId;
    topic.key = keyId === undefined ? undefined : lookup(keys, keyId, `topic ${topic.name}: kmsMasterKeyId`);
  }

  // Buckets: a bucket policy or public access block names its bucket by name (AWS's id for a
  // bucket) or by the id the mocks give every resource, "<logical name>-id".
  const buckets = kinds(await withArns("aws:s3/bucket:Bucket"), "bucket");
  for (const bucket of buckets) {
    const bucketName = bucket.resource.inputs?.bucket ?? bucket.name;
    Object.assign(bucket, { bucketName });
    const refersToIt = (r) => [bucketName, `${bucket.resource.name}-id`].includes(r.inputs?.bucket);
    const policy = ofType("aws:s3/bucketPolicy:BucketPolicy").find(refersToIt);
    bucket.policyResource = policy;
    bucket.policy = policy ? json(policy, "policy") : json(bucket.resource, "policy");
    bucket.restrictPublicBuckets = ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").find(refersToIt)?.inputs?.restrictPublicBuckets === true;
  }

  const logGroups = kinds(await withArns("aws:cloudwatch/logGroup:LogGroup"), "log group");
  for (const group of logGroups) {
    const keyId = group.resource.inputs?.kmsKeyId;
    group.key = keyId === undefined ? undefined : lookup(keys, keyId, `log group ${group.name}: kmsKeyId`);
  }

  const clusters = await withArns("aws:ecs/cluster:Cluster");
  const alarms = await withArns("aws:cloudwatch/metricAlarm:MetricAlarm");
  for (const alarm of alarms) {
    const actions = ["alarmActions", "okActions", "insufficientDataActions"].flatMap((field) => list(alarm.resource.inputs?.[field]));
    alarm.topics = [...new Set(actions.filter((arn) => parseArn(arn)?.service === "sns"))].map((arn) => lookup(topics, arn, `alarm ${alarm.name}: action`)).filter(Boolean);
  }
  const budgets = await withArns("aws:budgets/budget:Budget");
  for (const budget of budgets) {
    const arns = list(budget.resource.inputs?.notifications).flatMap((n) => list(n.subscriberSnsTopicArns));
    budget.topics = [...new Set(arns)].map((arn) => lookup(topics, arn, `budget ${budget.name}: subscriber`)).filter(Boolean);
  }

  const taskDefinitions = ofType("aws:ecs/taskDefinition:TaskDefinition").map((task) => ({
    name: task.name,
    executionRole: task.inputs?.executionRoleArn && lookup(roles, task.inputs.executionRoleArn, `task definition ${task.name}: executionRoleArn`),
    taskRole: task.inputs?.taskRoleArn && lookup(roles, task.inputs.taskRoleArn, `task definition ${task.name}: taskRoleArn`),
    containers: list(json(task, "containerDefinitions")),
  }));

  const flowLogs = ofType("aws:ec2/flowLog:FlowLog").map((flowLog) => ({
    name: flowLog.name,
    role: flowLog.inputs?.iamRoleArn && lookup(roles, flowLog.inputs.iamRoleArn, `flow log ${flowLog.name}: iamRoleArn`),
    destination: flowLog.inputs?.logDestinationType === "s3" ? undefined : flowLog.inputs?.logDestination?.replace(/:\*$/, ""),
  }));

  // Blue/green: the role ECS assumes to move the production listener rule between target groups.
  const services = ofType("aws:ecs/service:Service").map((service) => ({
    name: physicalName(service),
    cluster: parseArn(service.inputs?.cluster)?.resource.replace(/^cluster\//, "") ?? clusters[0]?.name,
    blueGreen: list(service.inputs?.loadBalancers)
      .filter((lb) => lb.advancedConfiguration?.roleArn)
      .map((lb) => ({
        role: lookup(roles, lb.advancedConfiguration.roleArn, `service ${service.name}: advancedConfiguration.roleArn`),
        rule: lb.advancedConfiguration.productionListenerRule,
      })),
  }));

  const loadBalancers = ofType("aws:lb/loadBalancer:LoadBalancer").map((lb) => ({
    name: physicalName(lb),
    accessLogs: lb.inputs?.accessLogs?.enabled ? lb.inputs.accessLogs : undefined,
    bucket: lb.inputs?.accessLogs?.enabled ? lookup(buckets, `arn:${partition}:s3:::${lb.inputs.accessLogs.bucket}`, `load balancer ${lb.name}: access log bucket`) : undefined,
  }));

  return { label, partition, region, account, resources, roles, keys, topics, buckets, logGroups, clusters, alarms, budgets, taskDefinitions, flowLogs, services, loadBalancers, problems };
}
