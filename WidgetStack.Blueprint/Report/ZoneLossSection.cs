using Spectre.Console.Rendering;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Resilience;
using static WidgetStack.Blueprint.Report.Blocks;

namespace WidgetStack.Blueprint.Report;

/// <summary>The blueprint's zone-loss simulation: one row per zone.</summary>
internal static class ZoneLossSection
{
    public static IEnumerable<IRenderable> Render(WidgetDesign design)
    {
        var losses = ZoneLoss.Of(design);
        yield return Line($"Loss of one zone (ECS spreads {Costs.Numbers.Count(design.Service.DesiredCount, "task")} evenly over {design.Network.Zones.Count} zones; the lost zone is taken to hold the most)");
        yield return Table(
            ["Zone lost", "Tasks serving", "Floor", "Remaining subnets keep egress", "ALB zones left", "Verdict"],
            losses.Select(loss => new[]
            {
                loss.Zone,
                $"{loss.TasksLeft} of {loss.TasksBefore}",
                $"{loss.Floor}",
                loss.EgressKept ? "yes" : "no",
                $"{loss.LoadBalancerZonesLeft}",
                Verdict(loss),
            }),
            keepWhole: [1, 2, 3, 4]);
    }

    private static string Verdict(ZoneLoss loss)
    {
        var word = loss.Verdict switch
        {
            ZoneLossVerdict.Survives => "survives",
            ZoneLossVerdict.Degraded => "degraded",
            _ => "down",
        };
        return loss.Why.Length == 0 ? word : $"{word}: {loss.Why}";
    }
}
