using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// How long one deployment takes, from the settings, and how long <c>pulumi up</c> must wait for it.
/// A rolling deployment runs the waves the percents allow, each one a task start, the wait until the
/// load balancer calls the new tasks healthy and the drain of the old ones; blue/green runs one wave.
/// Then ECS watches the deployment alarms (the service always names its alarms as deployment alarms
/// with rollback): that bake closes every deployment, rolling or blue/green.
/// </summary>
/// <remarks>
/// Assumptions, which the blueprint's rollout section repeats:
/// <list type="bullet">
/// <item>A Fargate task pulls its image and starts in <see cref="TaskStartSeconds"/>.</item>
/// <item>A new task is healthy after interval x healthy threshold: the target group needs that many
/// consecutive passing checks (ECS developer guide, "Optimize load balancer health check parameters
/// for Amazon ECS", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-healthcheck.html).
/// The service's health check grace period does not delay it: it is the time "the Amazon ECS service
/// scheduler ignores unhealthy Elastic Load Balancing ... health checks after a task has first
/// started" (ECS API reference, CreateService, healthCheckGracePeriodSeconds), so it only keeps ECS
/// from replacing a task that fails its checks early.</item>
/// <item>After the last wave ECS watches the deployment alarms for their evaluation window
/// (<see cref="DeploymentAlarmWatch"/>); blue/green bakes for the longer of its bake time and that
/// window, since ECS watches the same alarms through its bake time.</item>
/// <item>A release the alarms reject fails at the very end of that watch, the latest moment ECS can
/// still fail it; ECS then rolls back to the previous revision, a deployment of the same waves and
/// the same watch.</item>
/// </list>
/// </remarks>
/// <param name="Replicas">Tasks the deployment replaces.</param>
/// <param name="Waves">Rounds of replacement.</param>
/// <param name="TasksPerWave">Tasks each round replaces at most.</param>
/// <param name="HealthySeconds">From start to healthy: interval x healthy threshold, seconds.</param>
/// <param name="DrainSeconds">The old tasks' deregistration delay, seconds.</param>
/// <param name="BakeTimeSeconds">Blue/green's bake time, seconds (0 for rolling).</param>
/// <param name="AlarmWatchSeconds">How long ECS watches the deployment alarms after the last wave, seconds.</param>
/// <param name="ShiftSeconds">Linear and canary: from the first traffic shift to the last (steps x step bake, or the canary bake), seconds.</param>
public sealed record RolloutEstimate(int Replicas, int Waves, int TasksPerWave, int HealthySeconds, int DrainSeconds, int BakeTimeSeconds, int AlarmWatchSeconds, int ShiftSeconds = 0)
{
    /// <summary>Seconds a Fargate task takes to pull its image and start, assumed.</summary>
    public const int TaskStartSeconds = 60;

    /// <summary>The shortest time <c>pulumi up</c> waits for a steady state, minutes.</summary>
    public const int MinimumTimeoutMinutes = 10;

    /// <summary>
    /// A target group's health-check interval unless set, seconds ("Optimize load balancer health
    /// check parameters for Amazon ECS": "By default, the load balancer checks every 30 seconds").
    /// </summary>
    public const int AwsDefaultIntervalSeconds = 30;

    /// <summary>
    /// A target group's healthy threshold unless set, checks ("Optimize load balancer health check
    /// parameters for Amazon ECS": "By default, the load balancer requires five passing health checks").
    /// </summary>
    public const int AwsDefaultHealthyThreshold = 5;

    /// <summary>
    /// A target group's deregistration delay unless set, seconds ("Optimize load balancer connection
    /// draining parameters for Amazon ECS": "deregistration_delay.timeout_seconds: 300 (default)",
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html).
    /// </summary>
    public const int AwsDefaultDeregistrationSeconds = 300;

    /// <summary>Start + healthy + drain, seconds.</summary>
    public int SecondsPerWave => TaskStartSeconds + HealthySeconds + DrainSeconds;

    /// <summary>The wait after the last wave: the alarm watch, or blue/green's bake time when longer, seconds.</summary>
    public int BakeSeconds => Math.Max(BakeTimeSeconds, AlarmWatchSeconds);

    /// <summary>The whole deployment: the waves, the traffic shift, the final bake, seconds.</summary>
    public int Seconds => (Waves * SecondsPerWave) + ShiftSeconds + BakeSeconds;

    /// <summary>
    /// How long the old and the new version both run: the traffic shift, then the bake time, "the
    /// time period when both blue and green service revisions are running simultaneously after the
    /// production traffic has shifted" (ECS API reference, DeploymentConfiguration, bakeTimeInMinutes,
    /// as the AWS SDK for Kotlin reference quotes it:
    /// https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-deployment-configuration/bake-time-in-minutes.html).
    /// The alarm watch does not keep the old version: 0 for rolling and for a bake time of 0, seconds.
    /// </summary>
    public int BothVersionsSeconds => ShiftSeconds + BakeTimeSeconds;

    /// <summary>
    /// A release the alarms reject at the end of their watch, then ECS's rollback (a deployment of
    /// the same length back to the previous revision), seconds.
    /// </summary>
    public int RolledBackSeconds => 2 * Seconds;

    /// <summary>
    /// How long <c>pulumi up</c> waits for the service to settle: twice a rolled-back release (slow
    /// pulls, retries), at least 10 minutes; so a release ECS rolls back ends in the release guard's
    /// message, not in a timeout.
    /// </summary>
    public int TimeoutMinutes => Math.Max(MinimumTimeoutMinutes, (int)Math.Ceiling(2 * RolledBackSeconds / 60.0));

    /// <summary>
    /// The estimate for a deployment of <paramref name="replicas"/> tasks whose deployment alarms
    /// ECS watches for <paramref name="alarmWatchSeconds"/> after the last wave.
    /// </summary>
    public static RolloutEstimate For(int replicas, DeploymentSettings deployment, HealthCheckSettings health, int deregistrationDelaySeconds, int alarmWatchSeconds)
    {
        var healthy = health.IntervalSeconds * health.HealthyThreshold;
        if (deployment.Strategy.ShiftsTraffic())
        {
            // One wave of new tasks beside the old, the traffic shift, then the final bake.
            return new RolloutEstimate(replicas, 1, replicas, healthy, deregistrationDelaySeconds, deployment.BakeTimeMinutes * 60, alarmWatchSeconds, TrafficShift.Minutes(deployment) * 60);
        }

        // Each wave replaces as many tasks as the gap between the floor and the ceiling allows.
        var perWave = Math.Max(1, Math.Min(
            replicas,
            RollingDeployment.TasksAllowed(replicas, deployment.MaxPercent) - RollingDeployment.TasksKeptRunning(replicas, deployment.MinHealthyPercent)));
        return new RolloutEstimate(replicas, (int)Math.Ceiling(replicas / (double)perWave), perWave, healthy, deregistrationDelaySeconds, 0, alarmWatchSeconds);
    }

    /// <summary>
    /// The same deployment with the target group left at AWS's defaults (interval 30 s, healthy
    /// threshold 5, deregistration delay 300 s): what tuning them saves.
    /// </summary>
    public static RolloutEstimate WithAwsDefaults(int replicas, DeploymentSettings deployment, HealthCheckSettings health, int alarmWatchSeconds) =>
        For(replicas, deployment, health with { IntervalSeconds = AwsDefaultIntervalSeconds, HealthyThreshold = AwsDefaultHealthyThreshold }, AwsDefaultDeregistrationSeconds, alarmWatchSeconds);
}
