using Spectre.Console.Rendering;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;
using static WidgetStack.Blueprint.Costs.Numbers;
using static WidgetStack.Blueprint.Report.Blocks;

namespace WidgetStack.Blueprint.Report;

/// <summary>The blueprint's monthly cost estimate: every line with its basis, per replica and at the autoscaling ceiling.</summary>
internal static class CostSection
{
    public static IEnumerable<IRenderable> Render(WidgetDesign design, CostAssumptions assumptions)
    {
        var region = design.Settings.Region;
        if (PriceList.For(region) is not { } prices)
        {
            yield return Line($"Monthly cost estimate: no price list for {region} (the program has prices for {string.Join(", ", PriceList.Regions)}; "
                + $"a new region is a new Costs/Prices/{region}.json)");
            yield break;
        }

        var estimate = CostEstimate.For(design, prices, assumptions);
        var load = CostEstimate.TasksFor(design, assumptions);
        yield return Line($"Monthly cost estimate: {prices.Region} list prices of {prices.AsOf}, USD, a {Plain(assumptions.HoursPerMonth)}-hour month, {Count(estimate.Tasks, "task")}");
        if (load.Needed is { } needed)
        {
            yield return Line($"Load: {Plain(assumptions.RequestsPerSecond)} requests/s at {load.RequestsPerTarget} requests a minute per task need {Count(needed, "task")}"
                + (needed < load.Tasks ? $"; the autoscaling floor keeps {load.Tasks}" : needed > load.Tasks ? $"; the autoscaling ceiling holds {load.Tasks}" : ""));
        }

        if (load.AboveCeiling)
        {
            yield return Line($"Warning: {Plain(assumptions.RequestsPerSecond)} requests/s needs {Count(load.Needed!.Value, "task")} at {load.RequestsPerTarget} requests a minute per task, "
                + $"above the autoscaling ceiling of {load.Ceiling} ({SettingKeys.Qualified(SettingKeys.MaxReplicas)}): priced at {load.Ceiling}, each task then takes about "
                + $"{Plain(Math.Ceiling(assumptions.RequestsPerSecond * 60m / load.Ceiling))} requests a minute; raise {SettingKeys.Qualified(SettingKeys.MaxReplicas)} to hold the target");
        }

        yield return Table(
            ["Item", "Basis", "USD/month"],
            [.. estimate.Lines.Select(line => new[] { line.Item, line.Basis, Usd(line.UsdPerMonth) }), ["Total", "", Usd(estimate.TotalUsdPerMonth)]],
            keepWhole: [2],
            rightAlignedColumn: 2);
        var perTask = CostEstimate.UsdPerTaskMonth(design, prices, assumptions);
        var most = design.Settings.Scaling.Most;
        yield return Line($"Per replica: {Usd(perTask)} USD a month (its vCPU and memory)"
            + (most > estimate.Tasks
                ? $"; at the autoscaling ceiling of {most} tasks: {Usd(CostEstimate.For(design, prices, assumptions, most).TotalUsdPerMonth)} USD a month"
                : "; no autoscaling: the count stays fixed"));
        yield return Line($"Assumptions (change them on the command line): {string.Join(", ", assumptions.All.Select(a => $"{a.Option} {Plain(a.Value)} ({a.Meaning})"))}");
        yield return Line($"Not counted: {CostEstimate.NotCounted}");
        yield return Line($"KMS key rotation, read {prices.KmsKeyRotation.AsOf}: {prices.KmsKeyRotation.Source}");
        yield return Line($"Prices: {prices.Source}");
    }
}
