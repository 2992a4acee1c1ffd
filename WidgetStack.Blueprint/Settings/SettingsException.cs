namespace WidgetStack.Blueprint.Settings;

/// <summary>A stack whose configuration breaks one or more rules; carries every error at once.</summary>
public sealed class SettingsException(string stack, IReadOnlyList<SettingError> errors)
    : Exception(Describe(stack, errors))
{
    /// <summary>Every error found, in key order of the file.</summary>
    public IReadOnlyList<SettingError> Errors { get; } = errors;

    private static string Describe(string stack, IReadOnlyList<SettingError> errors) =>
        $"stack '{stack}' has {errors.Count} configuration error(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => $"  - {e}"));
}
