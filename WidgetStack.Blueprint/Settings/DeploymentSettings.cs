namespace WidgetStack.Blueprint.Settings;

/// <summary>How ECS replaces tasks on a deploy.</summary>
public enum DeploymentStrategy
{
    /// <summary>Replace tasks gradually within the minimum/maximum percents.</summary>
    Rolling,

    /// <summary>Start the new version beside the old, shift traffic, keep the old for the bake time.</summary>
    BlueGreen,
}

/// <summary>Deployment settings of the service.</summary>
/// <param name="Strategy">Rolling or blue/green.</param>
/// <param name="MinHealthyPercent">Percent of replicas kept running during a deploy.</param>
/// <param name="MaxPercent">Percent of replicas allowed to run during a deploy.</param>
/// <param name="CircuitBreaker">Whether a failing deploy is stopped.</param>
/// <param name="Rollback">Whether a stopped deploy rolls back.</param>
/// <param name="BakeTimeMinutes">Blue/green: minutes both versions run before the old stops.</param>
/// <param name="HealthCheckGracePeriodSeconds">Seconds ECS ignores failing ALB checks of a new task.</param>
public sealed record DeploymentSettings(
    DeploymentStrategy Strategy,
    int MinHealthyPercent,
    int MaxPercent,
    bool CircuitBreaker,
    bool Rollback,
    int BakeTimeMinutes,
    int HealthCheckGracePeriodSeconds)
{
    /// <summary>minimumHealthyPercent, percent.</summary>
    public static readonly IntRange MinHealthy = new(0, 100);

    /// <summary>maximumPercent, percent (ECS default 200; this program caps there).</summary>
    public static readonly IntRange Max = new(100, 200);

    /// <summary>bakeTimeInMinutes, minutes (ECS accepts 0-1440).</summary>
    public static readonly IntRange BakeTime = new(0, 1440);

    /// <summary>Grace period, seconds (ECS takes far more; two hours covers any sane start-up).</summary>
    public static readonly IntRange GracePeriod = new(0, 7200);
}
