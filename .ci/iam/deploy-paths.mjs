// The requests `pulumi up` of the stack makes as the deploy role (each must be allowed) and the
// escalations the role must not reach (each must be denied), built from the snapshot and run
// against the deploy role's policy alone (its identity policy; no resource policy, boundary or SCP).
import { fillFormat } from "./arn-patterns.mjs";
import { deployActions, isComponentOrProvider, placeholderExamples } from "./deploy-actions.mjs";
import { hostedZonesOf } from "./deploy-policy.mjs";
import { serviceLinkedRolesFor, unneededService } from "./service-linked-roles.mjs";

// What the provider calls on each role it creates, reads, tags, updates and deletes, and on the
// role's inline policies: the IAM API calls of terraform-provider-aws internal/service/iam/role.go
// (CreateRole, GetRole, UpdateRole, UpdateAssumeRolePolicy, ListAttachedRolePolicies,
// ListRolePolicies, DeleteRole, and ListInstanceProfilesForRole before a delete), read at
// pulumi/terraform-provider-aws patched-v5.14.0, older than the version Pulumi.Aws 7.48.0 bridges;
// tags through TagRole/UntagRole, inline policies through Put/Get/DeleteRolePolicy.
const roleActions = [
  "iam:CreateRole",
  "iam:GetRole",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:ListAttachedRolePolicies",
  "iam:ListInstanceProfilesForRole",
  "iam:DeleteRole",
];
const inlinePolicyActions = ["iam:PutRolePolicy", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:DeleteRolePolicy"];

// Services no stack role may be passed to: a role on an instance or a function would run
// outside the stack's tasks with the role's permissions. EC2's principal:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html; Lambda's:
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
const foreignServices = ["ec2.amazonaws.com", "lambda.amazonaws.com"];

const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const verbs = (actions) => actions.map((a, i) => (i === 0 ? a : a.slice(a.indexOf(":") + 1))).join(", ");
const placeholders = (format) => [...format.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]);

/** The services a role's trust policy lets assume it. */
const trustedServices = (role) =>
  [...new Set(list(role.trust?.Statement).filter((s) => s.Effect === "Allow").flatMap((s) => list(s.Principal?.Service)))];

export async function deployPaths(model, deployPolicy, reference, managedPolicies) {
  const { partition, region, account } = model;
  const paths = [];
  const problems = [];
  const principal = `arn:${partition}:sts::${account}:assumed-role/widget-deploy/session`;
  const identity = [{ name: "deploy role policy (README.md)", policy: deployPolicy }];
  const add = (label, expect, requests) => requests.length > 0 && paths.push({ label, expect, requests });
  const request = (action, resource, context = {}) => ({ principal, action, resource, resourceAccount: account, context, identity });
  const arn = async (service, type, values) => fillFormat(await reference.format(service, type), { Partition: partition, Region: region, Account: account, ...values });
  const roleArn = (name) => arn("iam", "role", { RoleNameWithPath: name });
  const userArn = (name) => arn("iam", "user", { UserNameWithPath: name });
  const managedArn = (name) => managedPolicies.getPolicyByName(name).arn.replace(/^arn:aws:/, `arn:${partition}:`);

  // The stack's roles, each named by its ARN: a role the policy does not cover fails its path.
  for (const role of model.roles) {
    add(`deploy role creates, reads, tags and deletes role ${role.name} (${verbs(roleActions)})`, "allowed", roleActions.map((a) => request(a, role.arn)));
    add(`deploy role writes the inline policies of role ${role.name} (${verbs(inlinePolicyActions)})`, "allowed", inlinePolicyActions.map((a) => request(a, role.arn)));
    for (const service of trustedServices(role))
      add(`deploy role passes role ${role.name} to ${service} (iam:PassRole)`, "allowed", [request("iam:PassRole", role.arn, { "iam:PassedToService": service })]);
    for (const { arn: policyArn } of role.managed) {
      const actions = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"];
      const name = policyArn.slice(policyArn.lastIndexOf("/") + 1);
      add(`deploy role attaches ${name} to role ${role.name} (${verbs(actions)})`, "allowed", actions.map((a) => request(a, role.arn, { "iam:PolicyARN": policyArn })));
    }
  }
  for (const service of foreignServices)
    add(`deploy role passes a stack role to ${service}`, "denied", model.roles.map((role) => request("iam:PassRole", role.arn, { "iam:PassedToService": service })));
  const admin = await roleArn("admin");
  const services = [...new Set(model.roles.flatMap(trustedServices))];
  add("deploy role passes role admin, outside the stack, to the stack roles' services", "denied", services.map((service) => request("iam:PassRole", admin, { "iam:PassedToService": service })));
  const administrator = managedArn("AdministratorAccess");
  add("deploy role attaches AdministratorAccess to a stack role", "denied", model.roles.map((role) => request("iam:AttachRolePolicy", role.arn, { "iam:PolicyARN": administrator })));

  // Service-linked roles the stack's resources need, and one of a service it never uses.
  const linked = async ({ service, role }) => request("iam:CreateServiceLinkedRole", await roleArn(`aws-service-role/${service}/${role}`), { "iam:AWSServiceName": service });
  for (const slr of serviceLinkedRolesFor(model.resources))
    add(`deploy role creates the service-linked role of ${slr.service} (iam:CreateServiceLinkedRole)`, "allowed", [await linked(slr)]);
  add(`deploy role creates the service-linked role of ${unneededService.service}`, "denied", [await linked(unneededService)]);

  // Records in the stack's hosted zone only.
  const [zone, ...more] = hostedZonesOf(model);
  if (more.length > 0) problems.push(`records go to ${more.length + 1} hosted zones; the deploy role's policy names one`);
  if (zone) {
    const actions = ["route53:ChangeResourceRecordSets", "route53:GetHostedZone", "route53:ListResourceRecordSets"];
    const zoneArn = await arn("route53", "hostedzone", { Id: zone });
    add(`deploy role changes records in the stack's hosted zone (${verbs(actions)})`, "allowed", actions.map((a) => request(a, zoneArn)));
  }
  add("deploy role changes records in another hosted zone", "denied", [request("route53:ChangeResourceRecordSets", await arn("route53", "hostedzone", { Id: "Z9999999999OTHER" }))]);

  // Escalations outside the stack's roles.
  add("deploy role creates a user (iam:CreateUser)", "denied", [request("iam:CreateUser", await userArn("intruder"))]);
  add("deploy role creates role admin (iam:CreateRole)", "denied", [request("iam:CreateRole", await roleArn("admin"))]);
  add("deploy role writes a user's inline policy (iam:PutUserPolicy)", "denied", [request("iam:PutUserPolicy", await userArn("intruder"))]);
  add("deploy role creates an access key (iam:CreateAccessKey)", "denied", [request("iam:CreateAccessKey", await userArn("intruder"))]);

  // The one provider function the program calls, at preview and up (WidgetStack/AccountZoneCheck.cs):
  // the deploy role, and the preview role, which holds AWS's ReadOnlyAccess (README.md, CI/CD).
  const zones = request("ec2:DescribeAvailabilityZones", "*");
  add("deploy role lists the account's Availability Zones (ec2:DescribeAvailabilityZones)", "allowed", [zones]);
  const readOnly = { name: "managed policy ReadOnlyAccess", policy: managedPolicies.getLatestPolicyDocument("ReadOnlyAccess") };
  add("preview role (ReadOnlyAccess) lists the account's Availability Zones (ec2:DescribeAvailabilityZones)", "allowed", [
    { ...zones, principal: `arn:${partition}:sts::${account}:assumed-role/widget-preview/session`, identity: [readOnly] },
  ]);

  // One create action per resource type of the stack.
  const types = [...new Set(model.resources.map((r) => r.type))].filter((t) => !isComponentOrProvider(t)).sort();
  for (const type of types) {
    const row = deployActions[type];
    if (!row) {
      problems.push(`${type} has no create action in .ci/iam/deploy-actions.mjs: add one and review the deploy role's policy in README.md`);
      continue;
    }
    const [service, name] = row.action.split(":");
    const action = await reference.action(service, name);
    if (!action) {
      problems.push(`.ci/iam/deploy-actions.mjs: ${type}: action ${row.action} does not exist`);
      continue;
    }
    const resource = model.resources.find((r) => r.type === type);
    let target = "*";
    if (!action.isWildcardOnly) {
      const typeName = row.type ?? (action.resourceTypes.find((t) => t.required) ?? action.resourceTypes[0]).name;
      const format = await reference.format(service, typeName);
      const own = row.names?.(resource, model) ?? {};
      const named = placeholders(format).filter((p) => !["Partition", "Region", "Account"].includes(p));
      const values = Object.fromEntries(named.map((p) => [p, own[p] ?? placeholderExamples[p] ?? resource.inputs?.name ?? resource.name]));
      target = await arn(service, typeName, values);
    }
    add(`deploy role creates ${type} (${row.action})`, "allowed", [request(row.action, target, row.context?.(resource) ?? {})]);
  }
  return { paths, problems };
}
