namespace WidgetStack.Blueprint.Design;

/// <summary>What a policy statement applies to.</summary>
public abstract record PolicyResource
{
    private PolicyResource()
    {
    }

    /// <summary>"*": only where the action acts on no resource type (ecr:GetAuthorizationToken, logs:DescribeLogGroups), as the service authorization reference lists them.</summary>
    public sealed record Any : PolicyResource
    {
        /// <inheritdoc/>
        public override string ToString() => "*";
    }

    /// <summary>A resource known from the settings.</summary>
    public sealed record Arn(string Value) : PolicyResource
    {
        /// <inheritdoc/>
        public override string ToString() => Value;
    }

    /// <summary>A KMS key of the stack, whose ARN is known only once it exists.</summary>
    public sealed record KeyNamed(string KeyName) : PolicyResource
    {
        /// <inheritdoc/>
        public override string ToString() => $"KMS key {KeyName}";
    }

    /// <summary>The streams of one of the stack's log groups, whose ARN is known only once it exists.</summary>
    public sealed record LogStreamsOf(string LogGroupName) : PolicyResource
    {
        /// <inheritdoc/>
        public override string ToString() => $"log group {LogGroupName}, its streams";
    }
}

/// <summary>One Allow statement.</summary>
/// <param name="Sid">Statement id.</param>
/// <param name="Actions">Actions allowed, each a single named action (no wildcards).</param>
/// <param name="Resource">What they apply to.</param>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, PolicyResource Resource);

/// <summary>
/// A condition of a trust policy: the service may assume the role only when acting for this
/// account (and resource), against the confused deputy problem.
/// </summary>
/// <param name="Operator">IAM condition operator, e.g. <c>StringEquals</c>.</param>
/// <param name="Key">Global condition key, e.g. <c>aws:SourceAccount</c>.</param>
/// <param name="Value">The value the key must match.</param>
public sealed record TrustCondition(string Operator, string Key, string Value);

/// <summary>An IAM role, the service that assumes it, and what it may do.</summary>
/// <param name="Name">Logical name.</param>
/// <param name="Purpose">Why it exists.</param>
/// <param name="TrustedService">Service principal allowed to assume it.</param>
/// <param name="TrustConditions">When the service may assume it; empty where AWS documents no condition keys.</param>
/// <param name="Statements">Inline policy statements.</param>
/// <param name="ManagedPolicyArns">AWS managed policies attached.</param>
public sealed record RoleDesign(
    string Name,
    string Purpose,
    string TrustedService,
    IReadOnlyList<TrustCondition> TrustConditions,
    IReadOnlyList<PolicyStatement> Statements,
    IReadOnlyList<string> ManagedPolicyArns);

/// <summary>
/// Least-privilege roles: the execution role pulls from the one repository and writes to the one
/// log group; the task role (what the server's own code may do) is separate and empty; blue/green
/// adds the infrastructure role ECS uses to shift listener traffic.
/// </summary>
/// <param name="Execution">Used by the ECS agent to start the task.</param>
/// <param name="Task">Assumed by the widget server's code.</param>
/// <param name="Infrastructure">Blue/green only.</param>
/// <param name="FlowLogs">Used by VPC flow logs to write their log group; null when flow logs are off.</param>
public sealed record IamDesign(RoleDesign Execution, RoleDesign Task, RoleDesign? Infrastructure, RoleDesign? FlowLogs)
{
    /// <summary>
    /// The AWS managed policy of the ECS infrastructure role for load balancers. AWS managed
    /// policies sit at the root path: "ARN: arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
    /// (AWS Managed Policy Reference, AmazonECSInfrastructureRolePolicyForLoadBalancers,
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSInfrastructureRolePolicyForLoadBalancers.html);
    /// .ci/iam-check checks every attached ARN against AWS's published list of managed policies.
    /// </summary>
    public const string LoadBalancersInfrastructurePolicy = "AmazonECSInfrastructureRolePolicyForLoadBalancers";

    /// <summary>The ARN of the AWS managed policy <paramref name="name"/> (root path) in <paramref name="partition"/>.</summary>
    public static string ManagedPolicyArn(string partition, string name) => $"arn:{partition}:iam::aws:policy/{name}";

    /// <summary>The roles of the ECS service.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public IReadOnlyList<RoleDesign> ServiceRoles => Infrastructure is null ? [Execution, Task] : [Execution, Task, Infrastructure];

    /// <summary>All roles built.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public IReadOnlyList<RoleDesign> Roles => FlowLogs is null ? ServiceRoles : [.. ServiceRoles, FlowLogs];

    /// <summary>Derives the roles of a stack in <paramref name="region"/> of <paramref name="account"/>.</summary>
    public static IamDesign From(
        string partition, string region, string account, string repositoryArn, string logGroupName, bool shiftsTraffic, string? flowLogGroupName = null, ExecDesign? exec = null)
    {
        TrustCondition[] ForAccount(string sourceArn) =>
        [
            new("StringEquals", "aws:SourceAccount", account),
            new("ArnLike", "aws:SourceArn", sourceArn),
        ];

        // ECS passes the task's cluster resources as the source; VPC passes the flow log.
        var ecsTasks = ForAccount($"arn:{partition}:ecs:{region}:{account}:*");
        var execution = new RoleDesign(
            "widget-execution",
            "ECS agent: pull the image, write the logs",
            "ecs-tasks.amazonaws.com",
            ecsTasks,
            [
                new("EcrLogin", ["ecr:GetAuthorizationToken"], new PolicyResource.Any()),
                new("PullWidgetImage", ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], new PolicyResource.Arn(repositoryArn)),
                new("WriteWidgetLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], new PolicyResource.LogStreamsOf(logGroupName)),
            ],
            []);
        var task = exec is null
            ? new RoleDesign("widget-task", "The widget server's own AWS access: none", "ecs-tasks.amazonaws.com", ecsTasks, [], [])
            : new RoleDesign("widget-task", "The widget server's own AWS access: none but ECS Exec's", "ecs-tasks.amazonaws.com", ecsTasks, ExecDesign.TaskRoleStatements(exec), []);
        // AWS's documented trust policy for the ECS infrastructure role names no condition keys:
        // a condition ECS does not send would stop every blue/green deploy.
        var infrastructure = shiftsTraffic
            ? new RoleDesign(
                "widget-ecs-infra",
                "ECS blue/green, linear, canary: shift listener traffic between target groups",
                "ecs.amazonaws.com",
                [],
                [],
                [ManagedPolicyArn(partition, LoadBalancersInfrastructurePolicy)])
            : null;
        var flowLogs = flowLogGroupName is null
            ? null
            : new RoleDesign(
                "widget-flow-logs",
                "VPC flow logs: write the flow log group",
                "vpc-flow-logs.amazonaws.com",
                ForAccount($"arn:{partition}:ec2:{region}:{account}:vpc-flow-log/*"),
                [
                    new("WriteFlowLogs", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], new PolicyResource.LogStreamsOf(flowLogGroupName)),
                    new("FindFlowLogGroup", ["logs:DescribeLogGroups"], new PolicyResource.Any()),
                ],
                []);
        return new IamDesign(execution, task, infrastructure, flowLogs);
    }
}
