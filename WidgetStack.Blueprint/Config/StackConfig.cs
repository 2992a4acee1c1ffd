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
    /// <summary>
    /// Every other config key, as written (<c>aws:profile</c>, <c>wdget:waf</c>, <c>replicas</c>):
    /// provider keys the program passes on, or mistakes the settings reader refuses.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> OtherKeys { get; init; } = [];

    /// <summary>Top-level keys of the stack file that Pulumi's stack settings file does not have (e.g. <c>konfig</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigValue>> UnknownTopLevelKeys { get; init; } = [];

    /// <summary>Whether the stack file has a <c>config:</c> block at all.</summary>
    public bool HasConfigBlock { get; init; } = true;

    /// <summary>
    /// Project keys whose value is Pulumi.yaml's default because the stack does not set them. Only
    /// the files tell: the engine hands the program defaults and set values alike.
    /// </summary>
    public IReadOnlySet<string> Defaulted { get; init; } = new HashSet<string>();

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
            .Select(d => KeyValuePair.Create(d.Name, d.Default!))
            .ToList();
        return new StackConfig(project, stack, region, [.. stackValues, .. defaults], allowedAccountIds)
        {
            Defaulted = defaults.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal),
        };
    }
}
