namespace WidgetStack.Blueprint.Settings;

/// <summary>One thing wrong with a stack's configuration.</summary>
/// <param name="Key">The fully qualified key, e.g. <c>widget:replicas</c>.</param>
/// <param name="Value">The value as written (secrets show as [secret]).</param>
/// <param name="Problem">What is wrong with it.</param>
/// <param name="Allowed">What would be accepted.</param>
public sealed record SettingError(string Key, string Value, string Problem, string Allowed)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Key} = {Value}: {Problem}; allowed: {Allowed}.";
}
