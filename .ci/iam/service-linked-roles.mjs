// The service-linked roles AWS creates, once per account, the first time a stack's resource needs
// them: `pulumi up` is that first use, so the deploy role needs iam:CreateServiceLinkedRole with
// the service's name as iam:AWSServiceName. The path of such a role is
// aws-service-role/<service>/<role name>.
const roles = [
  {
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
    service: "ecs.amazonaws.com",
    role: "AWSServiceRoleForECS",
    neededBy: (r) => r.type === "aws:ecs/service:Service" || r.type === "aws:ecs/cluster:Cluster",
  },
  {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html
    // (created with the first load balancer or target group)
    service: "elasticloadbalancing.amazonaws.com",
    role: "AWSServiceRoleForElasticLoadBalancing",
    neededBy: (r) => r.type === "aws:lb/loadBalancer:LoadBalancer" || r.type === "aws:lb/targetGroup:TargetGroup",
  },
  {
    // https://docs.aws.amazon.com/autoscaling/application/userguide/services-that-can-integrate-ecs.html
    // (created with the first ECS scalable target)
    service: "ecs.application-autoscaling.amazonaws.com",
    role: "AWSServiceRoleForApplicationAutoScaling_ECSService",
    neededBy: (r) => r.type === "aws:appautoscaling/target:Target" && r.inputs?.serviceNamespace === "ecs",
  },
];

/** The service-linked roles the snapshot's resources need, each { service, role }. */
export const serviceLinkedRolesFor = (resources) => roles.filter((slr) => resources.some(slr.neededBy)).map(({ service, role }) => ({ service, role }));

// A service the stack never needs a role for: the IAM API reference's own example of
// AWSServiceName (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html).
export const unneededService = { service: "elasticbeanstalk.amazonaws.com", role: "AWSServiceRoleForElasticBeanstalk" };
