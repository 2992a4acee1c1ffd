namespace WidgetStack.Blueprint.Config;

/// <summary>
/// The configuration of one stack, merged the way Pulumi merges it: Pulumi.yaml defaults,
/// overridden by the stack's own values.
/// </summary>
/// <param name="Project">Project name, which is also the namespace of its keys (<c>widget</c>).</param>
/// <param name="Stack">Stack name, e.g. <c>prod</c>.</param>
/// <param name="Region">The <c>aws:region</c> value, if any.</param>
/// <param name="Values">Project keys (without namespace) and their values, in file order, defaults last.</param>
/// <param name="AllowedAccountIds">The <c>aws:allowedAccountIds</c> value, if any.</param>
public sealed record StackConfig(
    string Project,
    string Stack,
    ConfigValue? Region,
    IReadOnlyList<KeyValuePair<string, ConfigValue>> Values,
    ConfigValue? AllowedAccountIds = null)
{
    /// <summary>The value of a project key, or null when neither the stack nor a default sets it.</summary>
    public ConfigValue? Get(string key) =>
        Values.FirstOrDefault(pair => pair.Key == key).Value;

    /// <summary>Builds the stack's view: <paramref name="stackValues"/> override the declared defaults.</summary>
    public static StackConfig Merge(
        string project,
        string stack,
        ConfigValue? region,
        IEnumerable<ConfigDeclaration> declarations,
        IReadOnlyList<KeyValuePair<string, ConfigValue>> stackValues,
        ConfigValue? allowedAccountIds = null)
    {
        var set = stackValues.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var defaults = declarations
            .Where(d => d.Default is not null && !set.Contains(d.Name))
            .Select(d => KeyValuePair.Create(d.Name, d.Default!));
        return new StackConfig(project, stack, region, [.. stackValues, .. defaults], allowedAccountIds);
    }
}
