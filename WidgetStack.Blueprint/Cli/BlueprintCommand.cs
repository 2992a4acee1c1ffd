using System.CommandLine;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Diff;
using WidgetStack.Blueprint.Report;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// <c>blueprint &lt;stack&gt; [--dir DIR] [--format text|mermaid] [cost assumptions]</c>: validates a
/// stack and shows what it builds, offline; <c>blueprint diff &lt;stack&gt; [&lt;other&gt; | --before FILE]</c>:
/// what differs between two stacks, or a stack and its file before an edit.
/// </summary>
public static class BlueprintCommand
{
    /// <summary>The stack is valid; the blueprint was printed. For diff: the two build the same stack.</summary>
    public const int Success = 0;

    /// <summary>The stack breaks one or more rules; every error was printed. For diff: the two differ.</summary>
    public const int InvalidSettings = 1;

    /// <summary>A file is missing or unreadable, the command line is wrong, or (diff) a stack is invalid.</summary>
    public const int UnusableInput = 2;

    /// <summary>Runs the command, writing the blueprint to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, Terminal.Current);

    /// <summary>Runs the command for <paramref name="terminal"/>: its width lays out the text blueprint.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Terminal terminal)
    {
        var width = terminal.Width;
        var directory = new Option<DirectoryInfo?>("--dir")
        {
            Description = "Folder holding Pulumi.yaml and the stack files. Default: the current folder or the nearest parent with a Pulumi.yaml.",
        };
        var assumptions = new CostOptions();

        var stack = new Argument<string>("stack") { Description = "Stack to show: dev, prod, or any Pulumi.<stack>.yaml." };
        var format = new Option<string>("--format")
        {
            Description = $"text (tables as wide as the terminal; piped, the width in COLUMNS, else {Terminal.DefaultWidth} characters) or mermaid (a diagram).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "mermaid");

        var diff = DiffCommand(directory, assumptions, output, error);
        var command = new RootCommand("Shows what a WidgetStack stack builds on AWS, and what it costs, without an AWS account.") { stack, directory, format, diff };
        assumptions.AddTo(command);
        command.SetAction(parsed => Show(
            parsed.GetValue(stack)!,
            DirectoryOf(parsed.GetValue(directory)),
            parsed.GetValue(format)!,
            assumptions.From(parsed),
            width,
            output,
            error));

        var result = command.Parse(args);
        var exit = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return result.Errors.Count > 0 ? UnusableInput : exit;
    }

    private static Command DiffCommand(Option<DirectoryInfo?> directory, CostOptions assumptions, TextWriter output, TextWriter error)
    {
        var stack = new Argument<string>("stack") { Description = "The stack after the change (with --before), or the first of two stacks." };
        var other = new Argument<string?>("other") { Description = "The second stack to compare with the first.", Arity = ArgumentArity.ZeroOrOne };
        var before = new Option<FileInfo?>("--before") { Description = "The stack's file before an edit (e.g. from git show main:Pulumi.prod.yaml), compared with its file now." };
        var command = new Command("diff", "Lists every setting and design element that differs between two stacks, or a stack before and after an edit, "
            + "with the cost and rollout changes. Exit code 0: the same; 1: they differ; 2: a stack is invalid or a file is missing.")
        {
            stack, other, before, directory,
        };
        assumptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(other) is null) == (result.GetValue(before) is null))
            {
                result.AddError("diff takes a second stack or --before FILE: one of them, not both.");
            }
        });
        command.SetAction(parsed => Compare(
            parsed.GetValue(stack)!,
            parsed.GetValue(other),
            parsed.GetValue(before)?.FullName,
            DirectoryOf(parsed.GetValue(directory)),
            assumptions.From(parsed),
            output,
            error));
        return command;
    }

    private static int Show(string stack, string directory, string format, CostAssumptions assumptions, int width, TextWriter output, TextWriter error)
    {
        try
        {
            var design = WidgetDesign.Load(directory, stack);
            output.Write(format == "mermaid" ? MermaidDiagram.Render(design) : TextReport.Render(design, assumptions, width));
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

    private static int Compare(string stack, string? other, string? beforeFile, string directory, CostAssumptions assumptions, TextWriter output, TextWriter error)
    {
        try
        {
            var (before, after) = beforeFile is null
                ? (Side(stack, StackFile.Load(directory, stack)), Side(other!, StackFile.Load(directory, other!)))
                : (Side($"{stack} (before)", StackFile.LoadFile(directory, stack, beforeFile)), Side(stack, StackFile.Load(directory, stack)));
            var diff = StackDiff.Between(before, after, assumptions);
            output.Write(DiffReport.Render(diff));
            return diff.Same ? Success : InvalidSettings;
        }
        catch (Exception e) when (e is SettingsException or ConfigFileException)
        {
            error.WriteLine(e.Message);
            return UnusableInput;
        }
    }

    private static DiffSide Side(string label, StackConfig config) => new(label, config, WidgetDesign.From(SettingsReader.Read(config)));

    private static string DirectoryOf(DirectoryInfo? given) => given?.FullName ?? FindProjectDirectory(Environment.CurrentDirectory);

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
