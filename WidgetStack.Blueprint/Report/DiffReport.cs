using System.Text;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Diff;
using static WidgetStack.Blueprint.Costs.Numbers;

namespace WidgetStack.Blueprint.Report;

/// <summary>A diff as Markdown: it reads in a terminal and renders in a pull request's job summary.</summary>
public static class DiffReport
{
    /// <summary>Renders <paramref name="diff"/>.</summary>
    public static string Render(StackDiff diff)
    {
        var (before, after) = (diff.Before.Label, diff.After.Label);
        var text = new StringBuilder();
        text.AppendLine($"## Blueprint diff: {before} -> {after}").AppendLine();
        if (diff.Same)
        {
            return text.AppendLine($"{before} and {after} build the same stack.").ToString();
        }

        Section(text, "Settings", "Setting", diff.Settings, before, after);
        Section(text, "Design", "Element", diff.Design, before, after);
        Costs(text, diff);
        Rollout(text, diff);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, string column, IReadOnlyList<Difference> differences, string before, string after)
    {
        text.AppendLine($"### {title}: {differences.Count} differ").AppendLine();
        if (differences.Count == 0)
        {
            return;
        }

        Header(text, column, before, after);
        foreach (var d in differences)
        {
            Row(text, d.Name, d.Before ?? "(none)", d.After ?? "(none)");
        }

        text.AppendLine();
    }

    private static void Costs(StringBuilder text, StackDiff diff)
    {
        var prices = (PriceList.For(diff.Before.Design.Settings.Region), PriceList.For(diff.After.Design.Settings.Region));
        if (prices is not ({ } beforePrices, { } afterPrices))
        {
            text.AppendLine("### Cost per month: no price list for a region of these stacks").AppendLine();
            return;
        }

        var beforeCost = CostEstimate.For(diff.Before.Design, beforePrices, diff.Assumptions);
        var afterCost = CostEstimate.For(diff.After.Design, afterPrices, diff.Assumptions);
        text.AppendLine($"### Cost per month, USD ({afterPrices.Region} list prices of {afterPrices.AsOf}; assumptions as in the blueprint)").AppendLine();
        Header(text, "Item", diff.Before.Label, diff.After.Label, "Change");
        var items = beforeCost.Lines.Select(l => l.Item).Union(afterCost.Lines.Select(l => l.Item));
        foreach (var item in items)
        {
            var b = Cents(beforeCost.Lines.Where(l => l.Item == item).Sum(l => l.UsdPerMonth));
            var a = Cents(afterCost.Lines.Where(l => l.Item == item).Sum(l => l.UsdPerMonth));
            if (a != b)
            {
                Row(text, item, Usd(b), Usd(a), Signed(a - b));
            }
        }

        var (beforeTotal, afterTotal) = (Cents(beforeCost.TotalUsdPerMonth), Cents(afterCost.TotalUsdPerMonth));
        Row(text, "Total", Usd(beforeTotal), Usd(afterTotal), Signed(afterTotal - beforeTotal));

        // What the stack costs when the autoscaler runs every task it may.
        var (beforeMost, afterMost) = (diff.Before.Design.Settings.Scaling.Most, diff.After.Design.Settings.Scaling.Most);
        var beforeCeiling = Cents(CostEstimate.For(diff.Before.Design, beforePrices, diff.Assumptions, beforeMost).TotalUsdPerMonth);
        var afterCeiling = Cents(CostEstimate.For(diff.After.Design, afterPrices, diff.Assumptions, afterMost).TotalUsdPerMonth);
        Row(text, $"At the autoscaling ceiling ({beforeMost} -> {afterMost} tasks)", Usd(beforeCeiling), Usd(afterCeiling), Signed(afterCeiling - beforeCeiling));
        text.AppendLine();
    }

    private static void Rollout(StringBuilder text, StackDiff diff)
    {
        var b = diff.Before.Design.Service.Deployment.Rollout;
        var a = diff.After.Design.Service.Deployment.Rollout;
        text.AppendLine("### Rollout of one deployment").AppendLine();
        Header(text, "Estimate", diff.Before.Label, diff.After.Label, "Change");
        Row(text, "Deployment", $"{b.Seconds} s", $"{a.Seconds} s", $"{a.Seconds - b.Seconds:+0;-0;0} s");
        Row(text, "pulumi up waits at most", $"{b.TimeoutMinutes} min", $"{a.TimeoutMinutes} min", $"{a.TimeoutMinutes - b.TimeoutMinutes:+0;-0;0} min");
    }

    // Changes are taken between the figures as printed, so a row adds up.
    private static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);

    private static string Signed(decimal usd) => usd > 0 ? $"+{Usd(usd)}" : Usd(usd);

    private static void Header(StringBuilder text, params string[] columns)
    {
        Row(text, columns);
        Row(text, [.. columns.Select(_ => "---")]);
    }

    private static void Row(StringBuilder text, params string[] cells) =>
        text.AppendLine($"| {string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))} |");
}
