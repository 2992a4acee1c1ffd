using WidgetStack.Blueprint.Cli;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The blueprint command run in process, as a user runs it, with what it printed.</summary>
internal static class BlueprintRun
{
    /// <summary>Output piped, no COLUMNS: text is laid out at the default width, as the expected outputs show it.</summary>
    public static readonly Terminal Piped = new(ConsoleWidth: null, Columns: null);

    /// <summary>Runs the command with <paramref name="args"/>, piped; returns its exit code, standard output and standard error.</summary>
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunAt(Piped, args);

    /// <summary>
    /// Runs the command with <paramref name="args"/> for a terminal wide enough that no line wraps:
    /// for tests of what a line or a table row says rather than where it wraps.
    /// </summary>
    public static (int Exit, string Output, string Error) RunUnwrapped(params string[] args) => RunAt(new Terminal(ConsoleWidth: 1000, Columns: null), args);

    /// <summary>Runs the command with <paramref name="args"/> for <paramref name="terminal"/>.</summary>
    public static (int Exit, string Output, string Error) RunAt(Terminal terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = BlueprintCommand.Run(args, output, error, terminal);
        return (exit, output.ToString(), error.ToString());
    }
}
