namespace WidgetStack.Blueprint.Config;

/// <summary>A stack or project file that cannot be read at all (missing, not YAML, wrong shape).</summary>
public sealed class ConfigFileException(string message) : Exception(message);
