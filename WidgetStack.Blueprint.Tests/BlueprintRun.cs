using WidgetStack.Blueprint.Cli;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The blueprint command run in process, as a user runs it, with what it printed.</summary>
internal static class BlueprintRun
{
    /// <summary>Runs the command with <paramref name="args"/>; returns its exit code, standard output and standard error.</summary>
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = BlueprintCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
