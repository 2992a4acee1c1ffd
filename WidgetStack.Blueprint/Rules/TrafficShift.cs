using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Rules;

/// <summary>One moment of a traffic shift: from this minute on, this share of requests reaches the new version.</summary>
/// <param name="Minute">Minutes after the new version is healthy.</param>
/// <param name="PercentOnNew">Percent of production traffic on the new version.</param>
public sealed record TrafficStep(int Minute, decimal PercentOnNew);

/// <summary>
/// How ECS moves production traffic to a new version once it is healthy. Blue/green moves all of
/// it at once. Linear "shifts production traffic in equal percentage increments with configurable
/// wait times between each step until 100% of traffic is shifted", and its step bake "is not
/// applied after reaching 100 percent traffic" (ECS API reference, LinearConfiguration). Canary
/// "shifts a fixed percentage of traffic to the new service revision, waits for a specified bake
/// time, then shifts the remaining traffic" (ECS API reference, CanaryConfiguration). Rolling
/// shifts nothing: the load balancer spreads requests over whatever tasks are healthy.
/// </summary>
public static class TrafficShift
{
    /// <summary>The schedule of <paramref name="deployment"/>; empty for rolling.</summary>
    public static IReadOnlyList<TrafficStep> Schedule(DeploymentSettings deployment) => deployment.Strategy switch
    {
        DeploymentStrategy.BlueGreen => [new(0, 100)],
        DeploymentStrategy.Linear => [.. Enumerable.Range(1, Steps(deployment.LinearStepPercent))
            .Select(step => new TrafficStep((step - 1) * deployment.LinearStepBakeMinutes, Math.Min(100, step * deployment.LinearStepPercent)))],
        DeploymentStrategy.Canary when deployment.CanaryPercent < 100 => [new(0, deployment.CanaryPercent), new(deployment.CanaryBakeMinutes, 100)],
        DeploymentStrategy.Canary => [new(0, 100)],
        _ => [],
    };

    /// <summary>Minutes from the first shift to the last: the traffic shift's share of a deployment.</summary>
    public static int Minutes(DeploymentSettings deployment) => Schedule(deployment) is [.., var last] ? last.Minute : 0;

    // Shifts of stepPercent until 100%: 100/step when it divides evenly, else one more for the remainder.
    private static int Steps(decimal stepPercent) => (int)Math.Ceiling(100m / stepPercent);
}
