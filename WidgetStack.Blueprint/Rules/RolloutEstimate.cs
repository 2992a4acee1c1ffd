using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// How long one deployment takes, from the settings: the waves the percents allow, each one a task
/// start, the wait until the load balancer calls the new tasks healthy (or the grace period, if
/// longer) and the drain of the old ones; blue/green runs one wave and then bakes.
/// </summary>
/// <param name="Waves">Rounds of replacement.</param>
/// <param name="SecondsPerWave">Start + healthy + drain, seconds.</param>
/// <param name="BakeSeconds">Blue/green bake time, seconds (0 for rolling).</param>
public sealed record RolloutEstimate(int Waves, int SecondsPerWave, int BakeSeconds)
{
    /// <summary>Seconds a Fargate task takes to pull its image and start, assumed.</summary>
    public const int TaskStartSeconds = 60;

    /// <summary>The shortest time <c>pulumi up</c> waits for a steady state, minutes.</summary>
    public const int MinimumTimeoutMinutes = 10;

    /// <summary>The whole deployment, seconds.</summary>
    public int Seconds => (Waves * SecondsPerWave) + BakeSeconds;

    /// <summary>How long <c>pulumi up</c> waits for the service to settle: twice the estimate (slow pulls, retries), at least 10 minutes.</summary>
    public int TimeoutMinutes => Math.Max(MinimumTimeoutMinutes, (int)Math.Ceiling(2 * Seconds / 60.0));

    /// <summary>The estimate for a deployment of <paramref name="replicas"/> tasks.</summary>
    public static RolloutEstimate For(int replicas, DeploymentSettings deployment, HealthCheckSettings health, int deregistrationDelaySeconds)
    {
        var healthy = Math.Max(deployment.HealthCheckGracePeriodSeconds, health.IntervalSeconds * health.HealthyThreshold);
        var wave = TaskStartSeconds + healthy + deregistrationDelaySeconds;
        if (deployment.Strategy == DeploymentStrategy.BlueGreen)
        {
            return new RolloutEstimate(1, wave, deployment.BakeTimeMinutes * 60);
        }

        // Each wave replaces as many tasks as the gap between the floor and the ceiling allows.
        var perWave = Math.Min(
            replicas,
            RollingDeployment.TasksAllowed(replicas, deployment.MaxPercent) - RollingDeployment.TasksKeptRunning(replicas, deployment.MinHealthyPercent));
        return new RolloutEstimate((int)Math.Ceiling(replicas / (double)Math.Max(1, perWave)), wave, 0);
    }
}
