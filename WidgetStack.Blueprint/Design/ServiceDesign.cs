using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Design;

/// <summary>The widget server container.</summary>
/// <param name="Name">Container name.</param>
/// <param name="Image">ECR image URI.</param>
/// <param name="Port">TCP port it listens on (hostPort equals it in awsvpc mode).</param>
/// <param name="User">Non-root user it runs as (ECS.20).</param>
public sealed record ContainerDesign(string Name, string Image, int Port, string User)
{
    /// <summary>Read-only root filesystem (ECS.5).</summary>
    public const bool ReadonlyRootFilesystem = true;

    /// <summary>Never privileged (ECS.4).</summary>
    public const bool Privileged = false;
}

/// <summary>Where the container's output goes (awslogs driver; ECS.9).</summary>
/// <param name="GroupName">Log group, created by the program (the execution role may not create groups).</param>
/// <param name="RetentionDays">Days kept (CKV_AWS_66).</param>
/// <param name="StreamPrefix">awslogs-stream-prefix.</param>
/// <param name="Retain">Keep the group and its events when the stack no longer holds it (with deletion protection on).</param>
public sealed record LogDesign(string GroupName, int RetentionDays, string StreamPrefix, bool Retain);

/// <summary>The Fargate task definition.</summary>
/// <param name="Family">Task family.</param>
/// <param name="Cpu">CPU units (1024 = 1 vCPU).</param>
/// <param name="MemoryMiB">Memory, MiB.</param>
/// <param name="Architecture">CPU architecture.</param>
/// <param name="Container">The one container.</param>
/// <param name="Logs">Its log group.</param>
public sealed record TaskDesign(string Family, int Cpu, int MemoryMiB, CpuArchitecture Architecture, ContainerDesign Container, LogDesign Logs)
{
    /// <summary>Fargate needs awsvpc networking.</summary>
    public const string NetworkMode = "awsvpc";
}

/// <summary>How a deploy replaces tasks.</summary>
/// <param name="Strategy">Rolling, blue/green, linear or canary.</param>
/// <param name="MinHealthyPercent">Percent of the desired count kept running.</param>
/// <param name="MaxPercent">Percent of the desired count allowed to run.</param>
/// <param name="CircuitBreaker">Whether a failing deploy is stopped.</param>
/// <param name="Rollback">Whether it then rolls back.</param>
/// <param name="BakeTimeMinutes">Blue/green, linear, canary: minutes both versions run once all traffic is shifted; null for rolling.</param>
/// <param name="TasksKeptRunning">Tasks kept running during a deploy at the desired count.</param>
/// <param name="TasksAllowed">Tasks allowed during a deploy at the desired count.</param>
/// <param name="CircuitBreakerThreshold">Failed tasks that trip the breaker.</param>
/// <param name="Rollout">How long a deployment takes at the most replicas the service may run, its deployment alarms' watch included.</param>
/// <param name="RolloutWithAwsDefaults">The same with the target group's health check and drain at AWS's defaults.</param>
/// <param name="TrafficSchedule">Blue/green, linear, canary: minute by minute, the share of traffic on the new version; empty for rolling.</param>
/// <param name="Linear">Linear's step, or null.</param>
/// <param name="Canary">Canary's share, or null.</param>
public sealed record DeploymentDesign(
    DeploymentStrategy Strategy,
    int MinHealthyPercent,
    int MaxPercent,
    bool CircuitBreaker,
    bool Rollback,
    int? BakeTimeMinutes,
    int TasksKeptRunning,
    int TasksAllowed,
    int CircuitBreakerThreshold,
    RolloutEstimate Rollout,
    RolloutEstimate RolloutWithAwsDefaults,
    IReadOnlyList<TrafficStep> TrafficSchedule,
    LinearShift? Linear = null,
    CanaryShift? Canary = null)
{
    /// <summary>The native ECS controller: the only one with the circuit breaker.</summary>
    public const string Controller = "ECS";

    /// <summary>The ECS API name of the strategy (ECS API reference, DeploymentConfiguration, strategy).</summary>
    public string StrategyName => Strategy switch
    {
        DeploymentStrategy.BlueGreen => "BLUE_GREEN",
        DeploymentStrategy.Linear => "LINEAR",
        DeploymentStrategy.Canary => "CANARY",
        _ => "ROLLING",
    };
}

/// <summary>Linear: the share each step shifts and the wait after it.</summary>
/// <param name="StepPercent">Percent of traffic per step.</param>
/// <param name="StepBakeMinutes">Minutes between steps.</param>
public sealed record LinearShift(decimal StepPercent, int StepBakeMinutes);

/// <summary>Canary: the share the new version takes first and how long before the rest follows.</summary>
/// <param name="Percent">Percent of traffic first.</param>
/// <param name="BakeMinutes">Minutes before the rest.</param>
public sealed record CanaryShift(decimal Percent, int BakeMinutes);

/// <summary>Target tracking on average CPU.</summary>
/// <param name="MinReplicas">Floor, tasks.</param>
/// <param name="MaxReplicas">Ceiling, tasks.</param>
/// <param name="CpuTargetPercent">Average CPU kept, percent.</param>
/// <param name="ScaleOutCooldownSeconds">Seconds between scale-outs.</param>
/// <param name="ScaleInCooldownSeconds">Seconds between scale-ins (longer: removing tasks is the risky way).</param>
/// <param name="RequestsPerTarget">Requests per minute per task also tracked (ALBRequestCountPerTarget), or null.</param>
public sealed record AutoscalingDesign(int MinReplicas, int MaxReplicas, int CpuTargetPercent, int ScaleOutCooldownSeconds, int ScaleInCooldownSeconds, int? RequestsPerTarget = null);

/// <summary>The ECS cluster and the Fargate service in the private subnets.</summary>
/// <param name="ClusterName">Logical name of the cluster.</param>
/// <param name="Name">Service name.</param>
/// <param name="Task">Task definition.</param>
/// <param name="DesiredCount">Tasks at deploy time.</param>
/// <param name="CapacityProvider">FARGATE or FARGATE_SPOT.</param>
/// <param name="HealthCheckGracePeriodSeconds">Seconds failing ALB checks of a new task are ignored (it keeps ECS from replacing the task; it does not delay healthy).</param>
/// <param name="Deployment">How deploys replace tasks.</param>
/// <param name="Autoscaling">CPU target tracking, or null.</param>
/// <param name="Exec">ECS Exec, or null when off.</param>
public sealed record ServiceDesign(
    string ClusterName,
    string Name,
    TaskDesign Task,
    int DesiredCount,
    string CapacityProvider,
    int HealthCheckGracePeriodSeconds,
    DeploymentDesign Deployment,
    AutoscalingDesign? Autoscaling,
    ExecDesign? Exec = null)
{
    /// <summary>The service name ops and dashboards know.</summary>
    public const string ServiceName = "WidgetService";

    /// <summary>The task family.</summary>
    public const string TaskFamily = "RocketCityWidgetServer";

    /// <summary>Newest Fargate platform (ECS.10).</summary>
    public const string PlatformVersion = "LATEST";

    /// <summary>Tasks live in private subnets and get no public IP (ECS.2).</summary>
    public const bool AssignPublicIp = false;

    /// <summary>The cluster's containerInsights setting (ECS.12: on).</summary>
    public const string ContainerInsights = "enabled";

    /// <summary>On-demand Fargate capacity (also the launch type and the task's compatibility).</summary>
    public const string Fargate = "FARGATE";

    /// <summary>Interruptible Fargate capacity.</summary>
    public const string FargateSpot = "FARGATE_SPOT";

    /// <summary>
    /// Every update of the service starts a deployment: what lets the AWS provider change the
    /// capacity provider strategy in place (aws_ecs_service, capacity_provider_strategy).
    /// </summary>
    public const bool ForceNewDeployment = true;

    /// <summary>The service input that names the group it serves from, which ECS swaps.</summary>
    public const string ProductionGroupPath = "loadBalancers[0].targetGroupArn";

    /// <summary>The service input that names the group a blue/green deploy starts in, which ECS swaps.</summary>
    public const string AlternateGroupPath = "loadBalancers[0].advancedConfiguration.alternateTargetGroupArn";

    /// <summary>Whether tasks run on Fargate Spot.</summary>
    public bool OnSpot => CapacityProvider == FargateSpot;

    /// <summary>Derives the service from the settings.</summary>
    public static ServiceDesign From(WidgetSettings settings)
    {
        var task = settings.Task;
        var scaling = settings.Scaling;
        var deployment = settings.Deployment;
        var logs = new LogDesign($"/ecs/{settings.Project}/{settings.Stack}", task.LogRetentionDays, "widget", settings.LoadBalancer.DeletionProtection);
        var container = new ContainerDesign("widget-server", task.Image.Uri, task.ContainerPort, User: "1000");
        var taskDesign = new TaskDesign(TaskFamily, task.Cpu, task.MemoryMiB, task.Architecture, container, logs);
        var shifts = deployment.Strategy.ShiftsTraffic();
        // The service names every alarm of the stack as a deployment alarm; they share one period and count.
        var alarmWatch = DeploymentAlarmWatch.Seconds(settings.Alarms.Minutes, AlarmDesign.PeriodSeconds);
        var deploymentDesign = new DeploymentDesign(
            deployment.Strategy,
            deployment.MinHealthyPercent,
            deployment.MaxPercent,
            deployment.CircuitBreaker,
            deployment.Rollback,
            shifts ? deployment.BakeTimeMinutes : null,
            RollingDeployment.TasksKeptRunning(scaling.Replicas, deployment.MinHealthyPercent),
            RollingDeployment.TasksAllowed(scaling.Replicas, deployment.MaxPercent),
            RollingDeployment.CircuitBreakerThreshold(scaling.Replicas),
            RolloutEstimate.For(scaling.Most, deployment, settings.LoadBalancer.HealthCheck, settings.LoadBalancer.DeregistrationDelaySeconds, alarmWatch),
            RolloutEstimate.WithAwsDefaults(scaling.Most, deployment, settings.LoadBalancer.HealthCheck, alarmWatch),
            TrafficShift.Schedule(deployment),
            deployment.Strategy == DeploymentStrategy.Linear ? new LinearShift(deployment.LinearStepPercent, deployment.LinearStepBakeMinutes) : null,
            deployment.Strategy == DeploymentStrategy.Canary ? new CanaryShift(deployment.CanaryPercent, deployment.CanaryBakeMinutes) : null);
        var autoscaling = scaling.Autoscaling
            ? new AutoscalingDesign(
                scaling.MinReplicas,
                scaling.MaxReplicas,
                scaling.CpuTargetPercent,
                ScaleOutCooldownSeconds: 60,
                ScaleInCooldownSeconds: 300,
                scaling.RequestsPerTarget > 0 ? scaling.RequestsPerTarget : null)
            : null;
        return new ServiceDesign(
            "widget-cluster",
            ServiceName,
            taskDesign,
            scaling.Replicas,
            task.Spot ? FargateSpot : Fargate,
            deployment.HealthCheckGracePeriodSeconds,
            deploymentDesign,
            autoscaling,
            ExecDesign.From(settings));
    }
}
