using Spectre.Console.Rendering;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using static WidgetStack.Blueprint.Report.Blocks;

namespace WidgetStack.Blueprint.Report;

/// <summary>The blueprint's rollout estimate, beside the same deployment with the target group at AWS's defaults.</summary>
internal static class RolloutSection
{
    public static IEnumerable<IRenderable> Render(WidgetDesign design)
    {
        var deployment = design.Service.Deployment;
        var (stack, defaults) = (deployment.Rollout, deployment.RolloutWithAwsDefaults);
        var health = design.LoadBalancer.ProductionTargetGroup.HealthCheck;
        var minutes = design.Monitoring.EvaluationMinutes;
        yield return Line($"Rollout of one deployment of {Tasks(stack.Replicas)} (the most the service runs), estimated; beside it the target group at AWS's defaults");
        yield return Table(
            ["Step", "This stack", "AWS defaults"],
            [
                ["Waves", Waves(stack), Waves(defaults)],
                ["Task start (assumed)", $"{RolloutEstimate.TaskStartSeconds} s", $"{RolloutEstimate.TaskStartSeconds} s"],
                [
                    "Until healthy",
                    $"{stack.HealthySeconds} s: {health.IntervalSeconds} s x {health.HealthyThreshold} checks",
                    $"{defaults.HealthySeconds} s: {RolloutEstimate.AwsDefaultIntervalSeconds} s x {RolloutEstimate.AwsDefaultHealthyThreshold} checks",
                ],
                ["Drain of the old tasks", $"{stack.DrainSeconds} s", $"{defaults.DrainSeconds} s"],
                ["Per wave", $"{stack.SecondsPerWave} s", $"{defaults.SecondsPerWave} s"],
                ["Traffic shift", Shift(stack), Shift(defaults)],
                ["Alarm watch, then bake", Bake(stack, minutes), Bake(defaults, minutes)],
                ["Total", Minutes(stack.Seconds), Minutes(defaults.Seconds)],
                ["Rejected by an alarm, rolled back", Minutes(stack.RolledBackSeconds), Minutes(defaults.RolledBackSeconds)],
            ]);
        var saved = defaults.Seconds - stack.Seconds;
        yield return Line((saved > 0
                ? $"The stack's health check and drain save {saved} s a deployment ({saved * 100 / defaults.Seconds}%). "
                : "The stack's health check and drain save nothing over AWS's defaults. ")
            + $"pulumi up waits up to {stack.TimeoutMinutes} min for a steady state (twice a rolled-back release, at least {RolloutEstimate.MinimumTimeoutMinutes} min) "
            + "and fails if ECS rolled the release back.");
        yield return Line(
            $"Assumed: a task starts in {RolloutEstimate.TaskStartSeconds} s; it is healthy after interval x healthy threshold "
            + $"(the grace period of {design.Service.HealthCheckGracePeriodSeconds} s only keeps ECS from replacing a task that fails its checks; it does not delay healthy); "
            + $"after the last wave ECS watches the deployment alarms for their evaluation window, {minutes} x {AlarmDesign.PeriodSeconds} s "
            + "(ECS derives this bake from the alarms and publishes no exact rule), and blue/green bakes for the longer of its bake time and that window; "
            + "a release an alarm rejects fails at the end of that watch, and the rollback is a deployment of the same length.");
    }

    private static string Waves(RolloutEstimate estimate) => $"{estimate.Waves} of up to {Tasks(estimate.TasksPerWave)}";

    private static string Tasks(int count) => count == 1 ? "1 task" : $"{count} tasks";

    private static string Shift(RolloutEstimate estimate) => estimate.ShiftSeconds > 0 ? $"{estimate.ShiftSeconds} s" : "none";

    /// <summary>The traffic schedule, minute by minute, and what running both versions costs.</summary>
    public static IEnumerable<IRenderable> Schedule(WidgetDesign design, Costs.CostAssumptions assumptions)
    {
        var deployment = design.Service.Deployment;
        if (deployment.TrafficSchedule.Count == 0)
        {
            yield break;
        }

        var bake = deployment.Rollout.BakeTimeSeconds / 60;
        var last = deployment.TrafficSchedule[^1].Minute;
        yield return Line($"Traffic schedule of a {deployment.StrategyName.ToLowerInvariant().Replace('_', '/')} deployment, from the minute the new tasks are healthy (percent of production traffic on the new version)");
        yield return Table(
            ["Minute", "On the new version"],
            [
                .. deployment.TrafficSchedule.Select(step => new[] { step.Minute.ToString(System.Globalization.CultureInfo.InvariantCulture), FormattableString.Invariant($"{step.PercentOnNew:0.#}%") }),
                [(last + bake).ToString(System.Globalization.CultureInfo.InvariantCulture), bake > 0 ? "100%, the old version stops after the bake" : "100%, the old version stops"],
            ]);
        if (deployment.Rollout.BothVersionsSeconds == 0)
        {
            yield return Line("The old version stops as soon as all production traffic is on the new one (bake time 0 min): no time with both versions running.");
            yield break;
        }

        var replicas = deployment.Rollout.Replicas;
        var both = $"Both versions run for {deployment.Rollout.BothVersionsSeconds / 60} min a deployment (shift and bake): {Tasks(replicas)} more";
        if (Costs.PriceList.For(design.Settings.Region) is { } prices)
        {
            var usd = replicas * Costs.CostEstimate.UsdPerTaskMonth(design, prices, assumptions) / assumptions.HoursPerMonth * deployment.Rollout.BothVersionsSeconds / 3600m;
            both += FormattableString.Invariant($", about {usd:0.00} USD a deployment at the task's price");
        }

        yield return Line(both + ".");
    }

    private static string Bake(RolloutEstimate estimate, int minutes) => estimate.BakeTimeSeconds > estimate.AlarmWatchSeconds
        ? $"{estimate.BakeSeconds} s: bake time (alarms: {estimate.AlarmWatchSeconds} s)"
        : $"{estimate.BakeSeconds} s: alarms, {minutes} periods x {AlarmDesign.PeriodSeconds} s";

    private static string Minutes(int seconds) => $"{seconds} s ({seconds / 60} min {seconds % 60} s)";
}
