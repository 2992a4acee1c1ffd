using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;

namespace WidgetStack.Blueprint.Diff;

/// <summary>One side of a diff: a stack's configuration as its file sets it, and its design.</summary>
/// <param name="Label">What the side is called: a stack name, or a file before an edit.</param>
/// <param name="Config">The merged configuration.</param>
/// <param name="Design">What it builds.</param>
public sealed record DiffSide(string Label, StackConfig Config, WidgetDesign Design)
{
    /// <summary>Every setting, qualified as in a stack file (<c>widget:replicas</c>), defaults included.</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Config.Values)
        {
            settings.TryAdd($"{Config.Project}:{key}", value.Display);
        }

        settings[StackFile.RegionKey] = Config.Region!.Display; // a valid stack always names its region
        return settings;
    }
}

/// <summary>What differs between two stacks, or a stack before and after an edit: settings, design, cost and rollout.</summary>
/// <param name="Before">The first stack.</param>
/// <param name="After">The second stack.</param>
/// <param name="Settings">Settings that differ, by key.</param>
/// <param name="Design">Design elements that differ, by path.</param>
/// <param name="Assumptions">The cost assumptions both estimates use.</param>
public sealed record StackDiff(DiffSide Before, DiffSide After, IReadOnlyList<Difference> Settings, IReadOnlyList<Difference> Design, CostAssumptions Assumptions)
{
    /// <summary>Whether the two build the same stack.</summary>
    public bool Same => Settings.Count == 0 && Design.Count == 0;

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    public static StackDiff Between(DiffSide before, DiffSide after, CostAssumptions assumptions) => new(
        before,
        after,
        Difference.Between(before.Settings(), after.Settings()),
        Difference.Between(DesignElements.Of(before.Design), DesignElements.Of(after.Design)),
        assumptions);
}
