// The requests the stack depends on (each must be allowed) and the ones it must refuse (each
// must be denied), built from the snapshot with the request context AWS sends: principal, action,
// resource, and the condition keys the stack's policies test (aws:SourceAccount, aws:SourceArn,
// aws:SecureTransport, kms:EncryptionContext:aws:logs:arn, ...). A path is one row of the README
// table; it holds one request per resource it touches (per alarm, per log group, per action).
import { fillFormat } from "./arn-patterns.mjs";
import { acceptance } from "./accepted.mjs";
import { logDeliveryPrincipal } from "./elb-log-delivery.mjs";

// Ids AWS would make up at run time; any value of the right form does.
const taskId = "0123456789abcdef0123456789abcdef";
const flowLogId = "fl-0123456789abcdef0";
const day = "2026/01/01";

const allowEverything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

export async function accessPaths(model, reference) {
  const { partition, region, account } = model;
  const other = account === "999999999999" ? "111111111111" : "999999999999";
  const paths = [];
  const problems = [];
  const add = (label, expect, requests, accepted) => requests.length > 0 && paths.push({ label, expect, requests, accepted });

  const secure = { "aws:SecureTransport": "true" };
  const forAccount = (sourceAccount, sourceArn) => ({ ...secure, "aws:SourceAccount": sourceAccount, "aws:SourceArn": sourceArn });
  const inOther = (arn) => arn.replace(`:${account}:`, `:${other}:`);
  const request = (principal, action, resource, { context = secure, identity = [], resourcePolicy, resourceAccount = account, blockPublicAccess } = {}) => ({
    principal,
    action,
    resource,
    resourceAccount,
    context,
    identity,
    resourcePolicy,
    blockPublicAccess,
  });
  const trustOf = (role) => ({ name: `role ${role.name} trust policy`, policy: role.trust ?? { Version: "2012-10-17", Statement: [] } });
  const identityOf = (role) => [...role.inline.map((p) => ({ name: `policy ${p.name}`, policy: p.policy })), ...role.managedDocuments];
  const format = async (service, type, values) => fillFormat(await reference.format(service, type), { Partition: partition, Region: region, Account: account, ...values });
  const verbs = (actions) => actions.map((a, i) => (i === 0 ? a : a.slice(a.indexOf(":") + 1))).join(", ");

  // A service assumes a role: for the stack's account, and (expected denied) for another one.
  const serviceAssumes = (service, role, sourceArn) => {
    add(`${service} assumes role ${role.name}`, "allowed", [request(service, "sts:AssumeRole", role.arn, { context: forAccount(account, sourceArn), resourcePolicy: trustOf(role) })]);
    add(`${service} for account ${other} assumes role ${role.name}`, "denied", [request(service, "sts:AssumeRole", role.arn, { context: forAccount(other, inOther(sourceArn)), resourcePolicy: trustOf(role) })], acceptance(service, "sts:AssumeRole"));
  };
  const roleDoes = (role, label, actions, resource) =>
    add(`role ${role.name} ${label} (${verbs(actions)})`, "allowed", actions.map((action) => request(role.session, action, resource(action), { identity: identityOf(role) })));

  // ECS tasks: the execution and task roles, the image pull and the task logs.
  const cluster = model.services[0]?.cluster ?? model.clusters[0]?.name ?? "cluster";
  const taskArn = await format("ecs", "task", { ClusterName: cluster, TaskId: taskId });
  for (const task of model.taskDefinitions) {
    for (const role of [task.executionRole, task.taskRole].filter(Boolean)) serviceAssumes("ecs-tasks.amazonaws.com", role, taskArn);
    for (const container of task.containers) {
      const image = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(container.image ?? "");
      if (image && !task.executionRole) problems.push(`task definition ${task.name}: container ${container.name} pulls from ECR but the task has no execution role`);
      if (image && task.executionRole) {
        const [, imageAccount, imageRegion, repository] = image;
        const repositoryArn = fillFormat(await reference.format("ecr", "repository"), { Partition: partition, Region: imageRegion, Account: imageAccount, RepositoryName: repository });
        const pull = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
        add(
          `role ${task.executionRole.name} pulls image ${repository} (${verbs(pull)})`,
          "allowed",
          pull.map((action) =>
            action === "ecr:GetAuthorizationToken"
              ? request(task.executionRole.session, action, "*", { identity: identityOf(task.executionRole) })
              : request(task.executionRole.session, action, repositoryArn, { identity: identityOf(task.executionRole), resourceAccount: imageAccount }),
          ),
        );
      }
      const logs = container.logConfiguration;
      if (logs?.logDriver === "awslogs" && task.executionRole) {
        const group = logs.options?.["awslogs-group"];
        const stream = `${logs.options?.["awslogs-stream-prefix"] ?? "ecs"}/${container.name}/${taskId}`;
        const streamArn = fillFormat(await reference.format("logs", "log-stream"), {
          Partition: partition,
          Region: logs.options?.["awslogs-region"] ?? region,
          Account: account,
          LogGroupName: group,
          LogStreamName: stream,
        });
        roleDoes(task.executionRole, `writes the task logs to ${group}`, ["logs:CreateLogStream", "logs:PutLogEvents"], () => streamArn);
      }
    }
  }

  // ECS Exec: the cluster's execute-command configuration names the sessions' key and log group; the
  // SSM agent in the task opens its channels, writes the session log and decrypts with that key, all
  // as the task role (the key's policy leaves its use to IAM, so the identity policy decides).
  for (const cluster of model.clusters) {
    const exec = cluster.resource.inputs?.configuration?.executeCommandConfiguration;
    const task = model.taskDefinitions.find((t) => t.taskRole);
    if (!exec || !task) continue;
    const channels = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];
    roleDoes(task.taskRole, "opens the ECS Exec session channels", channels, () => "*");
    const group = model.logGroups.find((g) => g.name === exec.logConfiguration?.cloudWatchLogGroupName);
    if (group) {
      roleDoes(task.taskRole, `writes the ECS Exec session log to ${group.name}`, ["logs:CreateLogStream", "logs:PutLogEvents"], () => `${group.arn}:log-stream:ecs-execute-command-${taskId}`);
      roleDoes(task.taskRole, "finds the ECS Exec session log group", ["logs:DescribeLogGroups"], () => "*");
    }
    const key = model.keys.find((k) => k.arn === exec.kmsKeyId);
    if (key) {
      const keyPolicy = { name: `key ${key.name} policy`, policy: key.policy };
      add(`role ${task.taskRole.name} decrypts ECS Exec sessions with key ${key.name} (kms:Decrypt)`, "allowed", [
        request(task.taskRole.session, "kms:Decrypt", key.arn, { identity: identityOf(task.taskRole), resourcePolicy: keyPolicy }),
      ]);
      add(`a role of account ${other} uses key ${key.name}`, "denied", [
        request(`arn:${partition}:iam::${other}:role/intruder`, "kms:Decrypt", key.arn, { identity: [{ name: "everything", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } }], resourcePolicy: keyPolicy, resourceAccount: account }),
      ]);
    }
  }

  // Flow logs: their role, and the writes to their log group.
  for (const flowLog of model.flowLogs.filter((f) => f.role)) {
    serviceAssumes("vpc-flow-logs.amazonaws.com", flowLog.role, await format("ec2", "vpc-flow-log", { VpcFlowLogId: flowLogId }));
    if (flowLog.destination)
      roleDoes(flowLog.role, `writes the flow logs to ${flowLog.destination.replace(/^.*:log-group:/, "")}`, ["logs:CreateLogStream", "logs:PutLogEvents"], () => `${flowLog.destination}:log-stream:eni-0123456789abcdef0-all`);
  }

  // Blue/green: ECS assumes the infrastructure role, which moves the production listener rule.
  for (const service of model.services) {
    for (const { role, rule } of service.blueGreen.filter((b) => b.role)) {
      serviceAssumes("ecs.amazonaws.com", role, await format("ecs", "service", { ClusterName: service.cluster, ServiceName: service.name }));
      if (rule)
        roleDoes(role, `shifts traffic on listener rule ${rule.slice(rule.lastIndexOf("/") + 1)}`, ["elasticloadbalancing:ModifyRule", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeListeners"], (action) =>
          action === "elasticloadbalancing:ModifyRule" ? rule : "*",
        );
    }
  }

  // Publishers of a topic (CloudWatch alarms, AWS Budgets), through the topic policy and, when the
  // topic is encrypted, the key policy: SNS asks KMS for a data key on the publisher's behalf.
  const publishers = [
    ["cloudwatch.amazonaws.com", "alarm", model.alarms],
    ["budgets.amazonaws.com", "budget", model.budgets],
  ];
  for (const [service, kind, sources] of publishers) {
    for (const topic of model.topics) {
      const from = sources.filter((s) => s.topics.includes(topic));
      if (from.length === 0) continue;
      const who = from.length === 1 ? `${kind} ${from[0].name}` : `${from.length} ${kind}s`;
      const topicPolicy = { name: `topic ${topic.name} policy`, policy: topic.policy ?? { Version: "2012-10-17", Statement: [] } };
      const publish = (sourceAccount, source) => request(service, "sns:Publish", topic.arn, { context: forAccount(sourceAccount, source), resourcePolicy: topicPolicy });
      add(`${service} publishes ${who} to topic ${topic.name} (sns:Publish)`, "allowed", from.map((s) => publish(account, s.arn)));
      add(`${service} for account ${other} publishes to topic ${topic.name}`, "denied", [publish(other, inOther(from[0].arn))], acceptance(service, "sns:Publish"));
      if (!topic.key) continue;
      const keyUse = ["kms:GenerateDataKey", "kms:Decrypt"];
      const viaTopic = (sourceAccount, source) =>
        keyUse.map((action) =>
          request(service, action, topic.key.arn, {
            context: { ...forAccount(sourceAccount, source), "kms:ViaService": `sns.${region}.amazonaws.com`, "kms:EncryptionContext:aws:sns:topicArn": topic.arn },
            resourcePolicy: { name: `key ${topic.key.name} policy`, policy: topic.key.policy },
          }),
        );
      add(`${service} uses key ${topic.key.name} of topic ${topic.name} for ${who} (${verbs(keyUse)})`, "allowed", from.flatMap((s) => viaTopic(account, s.arn)));
      add(`${service} for account ${other} uses key ${topic.key.name}`, "denied", viaTopic(other, inOther(from[0].arn)), acceptance(service, "kms:GenerateDataKey"));
    }
  }

  // CloudWatch Logs encrypts each log group under its key; the encryption context names the group.
  const logsService = `logs.${region}.amazonaws.com`;
  for (const key of model.keys) {
    const groups = model.logGroups.filter((g) => g.key === key);
    if (groups.length === 0) continue;
    const keyUse = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"];
    const forGroup = (groupArn) =>
      keyUse.map((action) =>
        request(logsService, action, key.arn, {
          context: { ...secure, "kms:EncryptionContext:aws:logs:arn": groupArn, "kms:EncryptionContextKeys": ["aws:logs:arn"] },
          resourcePolicy: { name: `key ${key.name} policy`, policy: key.policy },
        }),
      );
    add(`${logsService} uses key ${key.name} for log group${groups.length > 1 ? "s" : ""} ${groups.map((g) => g.name).join(", ")} (${verbs(keyUse)})`, "allowed", groups.flatMap((g) => forGroup(g.arn)));
    add(`${logsService} uses key ${key.name} for a log group of account ${other}`, "denied", forGroup(inOther(groups[0].arn)));
  }

  // Load balancer access logs: the region's log delivery writes under <prefix>/AWSLogs/<account>/.
  const logObject = (lb, bucket, owner) =>
    `arn:${partition}:s3:::${bucket.bucketName}/${lb.accessLogs.prefix ? `${lb.accessLogs.prefix}/` : ""}AWSLogs/${owner}/elasticloadbalancing/${region}/${day}/${owner}_elasticloadbalancing_${region}_app.${lb.name}_access.log.gz`;
  for (const lb of model.loadBalancers.filter((l) => l.bucket)) {
    const delivery = logDeliveryPrincipal(partition, region);
    const isService = !delivery.startsWith("arn:");
    const lbArn = await format("elasticloadbalancing", "loadbalancer/app/", { LoadBalancerName: lb.name, LoadBalancerId: "50dc6c495c0c9188" });
    const bucketPolicy = { name: `bucket ${lb.bucket.bucketName} policy`, policy: lb.bucket.policy ?? { Version: "2012-10-17", Statement: [] } };
    // The log delivery account's own IAM policies are AWS's: taken to allow the write.
    const identity = isService ? [] : [{ name: "log delivery's own permissions (AWS's, assumed to allow)", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }] } }];
    const write = (owner, tls) =>
      request(delivery, "s3:PutObject", logObject(lb, lb.bucket, owner), {
        context: { "aws:SecureTransport": tls, ...(isService ? { "aws:SourceAccount": owner, "aws:SourceArn": owner === account ? lbArn : inOther(lbArn) } : {}) },
        identity,
        resourcePolicy: bucketPolicy,
        blockPublicAccess: lb.bucket.restrictPublicBuckets,
      });
    const where = `${lb.bucket.bucketName}/${lb.accessLogs.prefix ?? ""}`;
    add(`ELB log delivery (${delivery}) writes the access logs of ${lb.name} to ${where} over TLS (s3:PutObject)`, "allowed", [write(account, "true")]);
    add(`ELB log delivery writes to ${where} over plain HTTP`, "denied", [write(account, "false")]);
    add(`ELB log delivery writes access logs of account ${other} to ${where}`, "denied", [write(other, "true")]);
  }

  // Another account, even with every permission its own IAM can grant, reaches none of it.
  const outsider = `arn:${partition}:iam::${other}:role/outsider`;
  const asOutsider = (action, resource, resourcePolicy, blockPublicAccess) =>
    request(outsider, action, resource, { identity: [{ name: `everything account ${other} allows itself`, policy: allowEverything }], resourcePolicy, blockPublicAccess });
  for (const role of model.roles) add(`a role of account ${other} assumes role ${role.name}`, "denied", [asOutsider("sts:AssumeRole", role.arn, trustOf(role))]);
  for (const topic of model.topics)
    add(`a role of account ${other} publishes to topic ${topic.name}`, "denied", [asOutsider("sns:Publish", topic.arn, topic.policy && { name: `topic ${topic.name} policy`, policy: topic.policy })]);
  for (const key of model.keys)
    add(`a role of account ${other} uses key ${key.name}`, "denied", ["kms:Decrypt", "kms:GenerateDataKey"].map((a) => asOutsider(a, key.arn, { name: `key ${key.name} policy`, policy: key.policy })));
  for (const bucket of model.buckets) {
    const lb = model.loadBalancers.find((l) => l.bucket === bucket);
    const object = lb ? logObject(lb, bucket, account) : `arn:${partition}:s3:::${bucket.bucketName}/any-object`;
    const policy = bucket.policy && { name: `bucket ${bucket.bucketName} policy`, policy: bucket.policy };
    add(`a role of account ${other} writes or reads bucket ${bucket.bucketName}`, "denied", ["s3:PutObject", "s3:GetObject"].map((a) => asOutsider(a, object, policy, bucket.restrictPublicBuckets)));
  }
  return { paths, problems };
}
