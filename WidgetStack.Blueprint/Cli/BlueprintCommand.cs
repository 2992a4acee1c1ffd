using System.CommandLine;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Report;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// <c>blueprint &lt;stack&gt; [--dir DIR] [--format text|mermaid]</c>: validates a stack and shows
/// what it builds, offline.
/// </summary>
public static class BlueprintCommand
{
    /// <summary>The stack is valid; the blueprint was printed.</summary>
    public const int Success = 0;

    /// <summary>The stack breaks one or more rules; every error was printed.</summary>
    public const int InvalidSettings = 1;

    /// <summary>A file is missing or unreadable, or the command line is wrong.</summary>
    public const int UnusableInput = 2;

    /// <summary>Runs the command, writing the blueprint to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var stack = new Argument<string>("stack") { Description = "Stack to show: dev, prod, or any Pulumi.<stack>.yaml." };
        var directory = new Option<DirectoryInfo?>("--dir")
        {
            Description = "Folder holding Pulumi.yaml and the stack files. Default: the current folder or the nearest parent with a Pulumi.yaml.",
        };
        var format = new Option<string>("--format") { Description = "text (tables) or mermaid (a diagram).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "mermaid");

        var command = new RootCommand("Shows what a WidgetStack stack builds on AWS, without an AWS account.") { stack, directory, format };
        command.SetAction(parsed => Show(
            parsed.GetValue(stack)!,
            parsed.GetValue(directory)?.FullName ?? FindProjectDirectory(Environment.CurrentDirectory),
            parsed.GetValue(format)!,
            output,
            error));

        var result = command.Parse(args);
        var exit = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return result.Errors.Count > 0 ? UnusableInput : exit;
    }

    private static int Show(string stack, string directory, string format, TextWriter output, TextWriter error)
    {
        try
        {
            var design = WidgetDesign.Load(directory, stack);
            output.Write(format == "mermaid" ? MermaidDiagram.Render(design) : TextReport.Render(design));
            return Success;
        }
        catch (SettingsException e)
        {
            error.WriteLine(e.Message);
            return InvalidSettings;
        }
        catch (ConfigFileException e)
        {
            error.WriteLine(e.Message);
            return UnusableInput;
        }
    }

    private static string FindProjectDirectory(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ProjectFile.FileName)))
            {
                return folder.FullName;
            }
        }

        return start;
    }
}
