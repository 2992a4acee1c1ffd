using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// How long one deployment takes, from the settings: the waves the percents allow, each one a task
/// start, the wait until the load balancer calls the new tasks healthy (or the grace period, if
/// longer) and the drain of the old ones; blue/green runs one wave and then bakes.
/// </summary>
/// <param name="Replicas">Tasks the deployment replaces.</param>
/// <param name="Waves">Rounds of replacement.</param>
/// <param name="TasksPerWave">Tasks each round replaces at most.</param>
/// <param name="HealthySeconds">From start to healthy: the grace period or interval x healthy threshold, whichever is longer, seconds.</param>
/// <param name="DrainSeconds">The old tasks' deregistration delay, seconds.</param>
/// <param name="BakeSeconds">Blue/green bake time, seconds (0 for rolling).</param>
public sealed record RolloutEstimate(int Replicas, int Waves, int TasksPerWave, int HealthySeconds, int DrainSeconds, int BakeSeconds)
{
    /// <summary>Seconds a Fargate task takes to pull its image and start, assumed.</summary>
    public const int TaskStartSeconds = 60;

    /// <summary>The shortest time <c>pulumi up</c> waits for a steady state, minutes.</summary>
    public const int MinimumTimeoutMinutes = 10;

    /// <summary>A target group's health-check interval unless set, seconds.</summary>
    public const int AwsDefaultIntervalSeconds = 30;

    /// <summary>A target group's healthy threshold unless set, checks.</summary>
    public const int AwsDefaultHealthyThreshold = 5;

    /// <summary>A target group's deregistration delay unless set, seconds.</summary>
    public const int AwsDefaultDeregistrationSeconds = 300;

    /// <summary>Start + healthy + drain, seconds.</summary>
    public int SecondsPerWave => TaskStartSeconds + HealthySeconds + DrainSeconds;

    /// <summary>The whole deployment, seconds.</summary>
    public int Seconds => (Waves * SecondsPerWave) + BakeSeconds;

    /// <summary>How long <c>pulumi up</c> waits for the service to settle: twice the estimate (slow pulls, retries), at least 10 minutes.</summary>
    public int TimeoutMinutes => Math.Max(MinimumTimeoutMinutes, (int)Math.Ceiling(2 * Seconds / 60.0));

    /// <summary>The estimate for a deployment of <paramref name="replicas"/> tasks.</summary>
    public static RolloutEstimate For(int replicas, DeploymentSettings deployment, HealthCheckSettings health, int deregistrationDelaySeconds)
    {
        var healthy = Math.Max(deployment.HealthCheckGracePeriodSeconds, health.IntervalSeconds * health.HealthyThreshold);
        if (deployment.Strategy == DeploymentStrategy.BlueGreen)
        {
            return new RolloutEstimate(replicas, 1, replicas, healthy, deregistrationDelaySeconds, deployment.BakeTimeMinutes * 60);
        }

        // Each wave replaces as many tasks as the gap between the floor and the ceiling allows.
        var perWave = Math.Max(1, Math.Min(
            replicas,
            RollingDeployment.TasksAllowed(replicas, deployment.MaxPercent) - RollingDeployment.TasksKeptRunning(replicas, deployment.MinHealthyPercent)));
        return new RolloutEstimate(replicas, (int)Math.Ceiling(replicas / (double)perWave), perWave, healthy, deregistrationDelaySeconds, 0);
    }

    /// <summary>
    /// The same deployment with the target group left at AWS's defaults (interval 30 s, healthy
    /// threshold 5, deregistration delay 300 s): what tuning them saves.
    /// </summary>
    public static RolloutEstimate WithAwsDefaults(int replicas, DeploymentSettings deployment, HealthCheckSettings health) =>
        For(replicas, deployment, health with { IntervalSeconds = AwsDefaultIntervalSeconds, HealthyThreshold = AwsDefaultHealthyThreshold }, AwsDefaultDeregistrationSeconds);
}
