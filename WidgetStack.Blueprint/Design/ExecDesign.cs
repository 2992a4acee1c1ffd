namespace WidgetStack.Blueprint.Design;

/// <summary>
/// ECS Exec: a shell in a running task through the SSM agent ECS injects into the container, with
/// no SSH and no public IP. Sessions are encrypted with a KMS key of the stack and logged to a log
/// group of the stack (the cluster's execute-command configuration).
/// </summary>
/// <param name="LogGroupName">Where session output is logged.</param>
/// <param name="KeyName">Logical name of the KMS key that encrypts the sessions.</param>
/// <param name="LogsEncrypted">Whether the log group is encrypted with the stack's log key (log encryption on).</param>
/// <param name="Retain">Keep the log group and the key when Exec is turned off or the stack destroyed (deletion protection).</param>
public sealed record ExecDesign(string LogGroupName, string KeyName, bool LogsEncrypted, bool Retain)
{
    /// <summary>
    /// The four channel actions the SSM agent in the task needs, and no more ("Amazon ECS Exec",
    /// ECS developer guide, IAM permissions required for ECS Exec:
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html). They act on no
    /// resource type, so their resource is "*".
    /// </summary>
    public static readonly IReadOnlyList<string> ChannelActions =
        ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];

    /// <summary>Logging sessions to CloudWatch Logs: the agent finds the group, then writes its streams (same page, "Logging").</summary>
    public static readonly IReadOnlyList<string> LogActions = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"];

    /// <summary>
    /// Where the injected SSM agent writes in the container: given as writable task volumes, so the
    /// root filesystem stays read-only (Security Hub ECS.5). AWS's guide says a read-only root is not
    /// supported with ECS Exec; the agent writes only here, as reported in
    /// aws/containers-roadmap#1359 and aws-containers/amazon-ecs-exec-checker#21 and #71.
    /// </summary>
    public static readonly IReadOnlyList<string> AgentPaths = ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"];

    /// <summary>The cluster's execute-command logging: to the configured log group.</summary>
    public const string Logging = "OVERRIDE";

    /// <summary>The commands that open a shell in a task of <paramref name="stack"/> (AWS CLI with the Session Manager plugin).</summary>
    public static IReadOnlyList<string> Commands(string stack, string container) =>
    [
        $"cluster=$(pulumi stack output clusterName --stack {stack})",
        $"task=$(aws ecs list-tasks --cluster \"$cluster\" --service-name {ServiceDesign.ServiceName} --query 'taskArns[0]' --output text)",
        $"aws ecs execute-command --cluster \"$cluster\" --task \"$task\" --container {container} --interactive --command /bin/sh",
    ];

    /// <summary>The task role statements ECS Exec needs.</summary>
    public static IReadOnlyList<PolicyStatement> TaskRoleStatements(ExecDesign exec) =>
    [
        new("ExecChannels", ChannelActions, new PolicyResource.Any()),
        new("ExecFindSessionLogGroup", ["logs:DescribeLogGroups"], new PolicyResource.Any()),
        new("ExecWriteSessionLogs", LogActions, new PolicyResource.LogStreamsOf(exec.LogGroupName)),
        new("ExecDecryptSessions", ["kms:Decrypt"], new PolicyResource.KeyNamed(exec.KeyName)),
    ];

    /// <summary>The Exec of a stack, or null when it is off.</summary>
    public static ExecDesign? From(Settings.WidgetSettings settings) => settings.Task.ExecuteCommand
        ? new ExecDesign($"/ecs/{settings.Project}/{settings.Stack}/exec", "widget-exec-key", settings.Task.LogEncryption, settings.LoadBalancer.DeletionProtection)
        : null;
}
