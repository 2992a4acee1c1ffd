// One representative action per Pulumi resource type the stacks register: the call that creates
// it (or, for a type that adopts or configures something, the call that writes it). The check
// verifies each action exists in the service authorization reference and that the deploy role's
// policy allows it on the resource, named by its ARN (or "*" for an action that acts on no
// resource type). A type in a snapshot without a row here fails the check: add a row and review
// the deploy role's policy in README.md.
//
// Each row: the action; optionally the resource type of the action to name (default: its first
// required one), placeholder values for that type's ARN format (default: the resource's name),
// and the request's context.

const bucketOf = (resource, model) =>
  model.buckets.find((b) => [b.bucketName, `${b.resource.name}-id`].includes(resource.inputs?.bucket))?.bucketName ?? resource.inputs?.bucket;
const inBucket = (resource, model) => ({ BucketName: bucketOf(resource, model) });
const roleOf = (resource) => ({ RoleNameWithPath: resource.inputs?.role });
// Ids AWS makes up at run time; any value of the right form does.
export const placeholderExamples = { Id: "0123456789abcdef", Scope: "regional", LoadBalancerId: "50dc6c495c0c9188", ListenerId: "0123456789abcdef", ListenerRuleId: "0123456789abcdef" };

export const deployActions = {
  "aws:acm/certificate:Certificate": { action: "acm:RequestCertificate" },
  // Waits for the certificate to be issued: reads it until then.
  "aws:acm/certificateValidation:CertificateValidation": { action: "acm:DescribeCertificate", names: () => ({ CertificateId: "0123456789abcdef" }) },
  "aws:appautoscaling/policy:Policy": { action: "application-autoscaling:PutScalingPolicy" },
  "aws:appautoscaling/target:Target": { action: "application-autoscaling:RegisterScalableTarget" },
  // CreateBudget is authorized as budgets:ModifyBudget.
  "aws:budgets/budget:Budget": { action: "budgets:ModifyBudget" },
  "aws:cloudwatch/dashboard:Dashboard": { action: "cloudwatch:PutDashboard", names: (r) => ({ DashboardName: r.inputs?.dashboardName ?? r.name }) },
  "aws:cloudwatch/logGroup:LogGroup": { action: "logs:CreateLogGroup" },
  "aws:cloudwatch/metricAlarm:MetricAlarm": { action: "cloudwatch:PutMetricAlarm" },
  // Adopts the VPC's default security group and strips its rules.
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": { action: "ec2:RevokeSecurityGroupIngress", names: () => ({ SecurityGroupId: "sg-0123456789abcdef0" }) },
  "aws:ec2/flowLog:FlowLog": { action: "ec2:CreateFlowLogs", type: "vpc-flow-log", names: () => ({ VpcFlowLogId: "fl-0123456789abcdef0" }) },
  "aws:ec2/securityGroup:SecurityGroup": { action: "ec2:CreateSecurityGroup", names: () => ({ SecurityGroupId: "sg-0123456789abcdef0" }) },
  "aws:ec2/vpcEndpoint:VpcEndpoint": { action: "ec2:CreateVpcEndpoint", type: "vpc-endpoint", names: () => ({ VpcEndpointId: "vpce-0123456789abcdef0" }) },
  "aws:ecs/cluster:Cluster": { action: "ecs:CreateCluster" },
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": { action: "ecs:PutClusterCapacityProviders", names: (r) => ({ ClusterName: r.inputs?.clusterName ?? r.name }) },
  "aws:ecs/service:Service": { action: "ecs:CreateService" },
  "aws:ecs/taskDefinition:TaskDefinition": { action: "ecs:RegisterTaskDefinition", names: (r) => ({ TaskDefinitionFamilyName: r.inputs?.family ?? r.name, TaskDefinitionRevisionNumber: "1" }) },
  "aws:iam/role:Role": { action: "iam:CreateRole" },
  "aws:iam/rolePolicy:RolePolicy": { action: "iam:PutRolePolicy", names: roleOf },
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { action: "iam:AttachRolePolicy", names: roleOf, context: (r) => ({ "iam:PolicyARN": r.inputs?.policyArn }) },
  "aws:kms/key:Key": { action: "kms:CreateKey" },
  "aws:lb/listener:Listener": { action: "elasticloadbalancing:CreateListener", type: "loadbalancer/app/" },
  "aws:lb/listenerRule:ListenerRule": { action: "elasticloadbalancing:CreateRule", type: "listener/app" },
  "aws:lb/loadBalancer:LoadBalancer": { action: "elasticloadbalancing:CreateLoadBalancer" },
  "aws:lb/targetGroup:TargetGroup": { action: "elasticloadbalancing:CreateTargetGroup" },
  "aws:route53/record:Record": { action: "route53:ChangeResourceRecordSets", names: (r) => ({ Id: r.inputs?.zoneId }) },
  "aws:s3/bucket:Bucket": { action: "s3:CreateBucket", names: (r) => ({ BucketName: r.inputs?.bucket ?? r.name }) },
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { action: "s3:PutLifecycleConfiguration", names: inBucket },
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { action: "s3:PutBucketOwnershipControls", names: inBucket },
  "aws:s3/bucketPolicy:BucketPolicy": { action: "s3:PutBucketPolicy", names: inBucket },
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { action: "s3:PutBucketPublicAccessBlock", names: inBucket },
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": { action: "s3:PutEncryptionConfiguration", names: inBucket },
  "aws:sns/topic:Topic": { action: "sns:CreateTopic" },
  "aws:sns/topicPolicy:TopicPolicy": { action: "sns:SetTopicAttributes", names: (r) => ({ TopicName: r.inputs?.arn?.slice(r.inputs.arn.lastIndexOf(":") + 1) }) },
  "aws:sns/topicSubscription:TopicSubscription": { action: "sns:Subscribe", names: (r) => ({ TopicName: r.inputs?.topic?.slice(r.inputs.topic.lastIndexOf(":") + 1) }) },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { action: "ec2:AuthorizeSecurityGroupEgress", names: () => ({ SecurityGroupId: "sg-0123456789abcdef0" }) },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { action: "ec2:AuthorizeSecurityGroupIngress", names: () => ({ SecurityGroupId: "sg-0123456789abcdef0" }) },
  "aws:wafv2/webAcl:WebAcl": { action: "wafv2:CreateWebACL" },
  "aws:wafv2/webAclAssociation:WebAclAssociation": { action: "wafv2:AssociateWebACL" },
};

/**
 * Whether the type is a component or a provider, which calls AWS only through the resources it
 * registers: the program's own (widget:), awsx's and Pulumi's (pulumi:providers:aws). awsx:ec2:Vpc
 * is a remote component: under the mocks its children (VPC, subnets, NAT gateways, routes) are not
 * registered, so no row covers them and only ec2:* does.
 */
export const isComponentOrProvider = (type) => !type.startsWith("aws:");
