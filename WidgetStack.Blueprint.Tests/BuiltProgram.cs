using System.Diagnostics;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The built blueprint program run as its own process, as a user runs it.</summary>
internal static class BuiltProgram
{
    /// <summary>Runs the program with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static (int Exit, string Output, string Error) Run(string workingDirectory, params string[] args)
    {
        var program = Path.Combine(TestContext.CurrentContext.TestDirectory, "WidgetStack.Blueprint.dll");
        var start = new ProcessStartInfo("dotnet", [program, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="folder"/> as the current folder, then restores it.</summary>
    public static T InFolder<T>(string folder, Func<T> action)
    {
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            return action();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
