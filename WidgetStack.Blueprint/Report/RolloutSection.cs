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
        var grace = design.Service.HealthCheckGracePeriodSeconds;
        yield return Line($"Rollout of one deployment of {stack.Replicas} tasks (the most the service runs), estimated; beside it the target group at AWS's defaults");
        yield return Table(
            ["Step", "This stack", "AWS defaults"],
            [
                ["Waves", Waves(stack), Waves(defaults)],
                ["Task start (assumed)", $"{RolloutEstimate.TaskStartSeconds} s", $"{RolloutEstimate.TaskStartSeconds} s"],
                [
                    "Until healthy",
                    $"{stack.HealthySeconds} s: max(grace {grace} s, {health.IntervalSeconds} s x {health.HealthyThreshold} checks)",
                    $"{defaults.HealthySeconds} s: max(grace {grace} s, {RolloutEstimate.AwsDefaultIntervalSeconds} s x {RolloutEstimate.AwsDefaultHealthyThreshold} checks)",
                ],
                ["Drain of the old tasks", $"{stack.DrainSeconds} s", $"{defaults.DrainSeconds} s"],
                ["Per wave", $"{stack.SecondsPerWave} s", $"{defaults.SecondsPerWave} s"],
                ["Bake (blue/green)", $"{stack.BakeSeconds} s", $"{defaults.BakeSeconds} s"],
                ["Total", Minutes(stack.Seconds), Minutes(defaults.Seconds)],
            ]);
        var saved = defaults.Seconds - stack.Seconds;
        yield return Line((saved > 0
                ? $"The stack's health check and drain save {saved} s a deployment ({saved * 100 / defaults.Seconds}%). "
                : "The stack's health check and drain save nothing over AWS's defaults. ")
            + $"pulumi up waits up to {stack.TimeoutMinutes} min for a steady state and fails if ECS rolled the release back.");
    }

    private static string Waves(RolloutEstimate estimate) => $"{estimate.Waves} of up to {estimate.TasksPerWave} tasks";

    private static string Minutes(int seconds) => $"{seconds} s ({seconds / 60} min {seconds % 60} s)";
}
