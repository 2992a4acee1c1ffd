namespace WidgetStack.Blueprint.Settings;

/// <summary>Every setting of one stack, typed and validated.</summary>
/// <param name="Project">Pulumi project name.</param>
/// <param name="Stack">Stack name.</param>
/// <param name="Region">AWS region.</param>
/// <param name="AccountId">12-digit AWS account the stack deploys to.</param>
/// <param name="Network">VPC, zones and NAT.</param>
/// <param name="Task">Image, port, size, capacity and logs.</param>
/// <param name="Scaling">Replica count and autoscaling.</param>
/// <param name="Deployment">How deploys replace tasks.</param>
/// <param name="LoadBalancer">Listeners and health check.</param>
/// <param name="Alarms">Alarm thresholds and who is told.</param>
public sealed record WidgetSettings(
    string Project,
    string Stack,
    string Region,
    string AccountId,
    NetworkSettings Network,
    TaskSettings Task,
    ScalingSettings Scaling,
    DeploymentSettings Deployment,
    LoadBalancerSettings LoadBalancer,
    AlarmSettings Alarms);
