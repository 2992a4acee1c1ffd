using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>Runs the day-two analysis between a stack file and an edit of it.</summary>
internal static class StackTransitions
{
    public static readonly ReplacementFacts Facts = ReplacementFacts.Load();

    private static readonly Dictionary<string, Evaluation> Evaluated = [];

    /// <summary>The repository's stack file, with Pulumi.yaml's defaults.</summary>
    public static StackConfig File(string stack) => StackFile.Load(Repository.Root, stack);

    /// <summary><paramref name="config"/> with <paramref name="edit"/> made.</summary>
    public static StackConfig Apply(StackConfig config, SettingEdit edit)
    {
        var key = edit.Key[(config.Project.Length + 1)..];
        List<KeyValuePair<string, ConfigValue>> values = [.. config.Values.Where(pair => pair.Key != key)];
        if (edit.Value is { } value)
        {
            values.Insert(0, KeyValuePair.Create(key, value));
        }

        return config with { Values = values };
    }

    /// <summary>What the program registers for <paramref name="config"/> (each repository stack file evaluated once).</summary>
    public static async Task<Evaluation> EvaluateAsync(StackConfig config)
    {
        var cacheKey = System.Text.Json.JsonSerializer.Serialize(new { config.Stack, Config = PulumiConfigMap.From(config) });
        if (Evaluated.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        var evaluation = await StackEvaluator.RunAsync(config);
        Evaluated[cacheKey] = evaluation;
        return evaluation;
    }

    /// <summary>The transition from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static async Task<Transition> BetweenAsync(StackConfig before, StackConfig after) =>
        TransitionAnalysis.Analyze(await EvaluateAsync(before), await EvaluateAsync(after), Facts);
}
