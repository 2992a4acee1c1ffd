using WidgetStack.Blueprint.Config;

namespace WidgetStack.Transitions;

/// <summary>The settings two versions of a stack file set differently (defaults applied).</summary>
public static class EditedKeys
{
    /// <summary>The qualified keys whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static IReadOnlySet<string> Between(StackConfig before, StackConfig after)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (before.Region != after.Region)
        {
            keys.Add(StackFile.RegionKey);
        }

        if (before.AllowedAccountIds?.Display != after.AllowedAccountIds?.Display)
        {
            keys.Add(StackFile.AllowedAccountsKey);
        }

        foreach (var key in before.Values.Select(p => p.Key).Union(after.Values.Select(p => p.Key)))
        {
            if (before.Get(key)?.Display != after.Get(key)?.Display)
            {
                keys.Add($"{after.Project}:{key}");
            }
        }

        return keys;
    }
}
