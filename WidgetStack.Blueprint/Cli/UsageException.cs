namespace WidgetStack.Blueprint.Cli;

/// <summary>A command line the parser accepts but that cannot be carried out as given (e.g. a stack file in one folder, --dir naming another).</summary>
internal sealed class UsageException(string message) : Exception(message);
