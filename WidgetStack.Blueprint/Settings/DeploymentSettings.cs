namespace WidgetStack.Blueprint.Settings;

/// <summary>How ECS replaces tasks on a deploy.</summary>
public enum DeploymentStrategy
{
    /// <summary>Replace tasks gradually within the minimum/maximum percents.</summary>
    Rolling,

    /// <summary>Start the new version beside the old, shift all traffic at once, keep the old for the bake time.</summary>
    BlueGreen,

    /// <summary>As blue/green, but shift traffic in equal steps, baking after each.</summary>
    Linear,

    /// <summary>As blue/green, but shift a small share first, bake, then the rest.</summary>
    Canary,
}

/// <summary>What the strategies have in common.</summary>
public static class DeploymentStrategies
{
    /// <summary>
    /// Whether ECS runs the new version beside the old and shifts traffic between two target groups
    /// through the production listener rule (blue/green, linear, canary), rather than replacing
    /// tasks in one group.
    /// </summary>
    public static bool ShiftsTraffic(this DeploymentStrategy strategy) => strategy != DeploymentStrategy.Rolling;
}

/// <summary>Deployment settings of the service.</summary>
/// <param name="Strategy">Rolling or blue/green.</param>
/// <param name="MinHealthyPercent">Percent of replicas kept running during a deploy.</param>
/// <param name="MaxPercent">Percent of replicas allowed to run during a deploy.</param>
/// <param name="CircuitBreaker">Whether a failing deploy is stopped.</param>
/// <param name="Rollback">Whether a stopped deploy rolls back.</param>
/// <param name="BakeTimeMinutes">Blue/green, linear, canary: minutes both versions run after all traffic is shifted, before the old stops.</param>
/// <param name="HealthCheckGracePeriodSeconds">Seconds ECS ignores failing ALB checks of a new task.</param>
/// <param name="LinearStepPercent">Linear: percent of traffic each step shifts.</param>
/// <param name="LinearStepBakeMinutes">Linear: minutes between steps.</param>
/// <param name="CanaryPercent">Canary: percent of traffic the canary takes first.</param>
/// <param name="CanaryBakeMinutes">Canary: minutes before the rest of the traffic follows.</param>
public sealed record DeploymentSettings(
    DeploymentStrategy Strategy,
    int MinHealthyPercent,
    int MaxPercent,
    bool CircuitBreaker,
    bool Rollback,
    int BakeTimeMinutes,
    int HealthCheckGracePeriodSeconds,
    decimal LinearStepPercent = 10.0m,
    int LinearStepBakeMinutes = 6,
    decimal CanaryPercent = 5.0m,
    int CanaryBakeMinutes = 10)
{
    /// <summary>
    /// stepPercent: "Valid values are multiples of 0.1 from 3.0 to 100.0" (ECS API reference,
    /// LinearConfiguration, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html).
    /// </summary>
    public static readonly DecimalRange LinearStep = new(3.0m, 100.0m, 0.1m);

    /// <summary>
    /// canaryPercent: "Valid values are multiples of 0.1 from 0.1 to 100.0" (ECS API reference,
    /// CanaryConfiguration, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html).
    /// </summary>
    public static readonly DecimalRange Canary = new(0.1m, 100.0m, 0.1m);

    /// <summary>
    /// The defaults Pulumi.yaml declares for the strategy settings (a test keeps them equal): ECS's own
    /// for the linear and canary ones, per the API reference pages above.
    /// </summary>
    public static readonly DeploymentSettings Defaults = new(DeploymentStrategy.Rolling, 100, 200, true, true, 5, 30);

    /// <summary>stepBakeTimeInMinutes and canaryBakeTimeInMinutes: "Valid values are 0 to 1440 minutes (24 hours)" (same pages).</summary>
    public static readonly IntRange ShiftBake = new(0, 1440);

    /// <summary>minimumHealthyPercent, percent.</summary>
    public static readonly IntRange MinHealthy = new(0, 100);

    /// <summary>maximumPercent, percent (ECS default 200; this program caps there).</summary>
    public static readonly IntRange Max = new(100, 200);

    /// <summary>bakeTimeInMinutes, minutes (ECS accepts 0-1440).</summary>
    public static readonly IntRange BakeTime = new(0, 1440);

    /// <summary>Grace period, seconds (ECS takes far more; two hours covers any sane start-up).</summary>
    public static readonly IntRange GracePeriod = new(0, 7200);
}
