using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Diff;
using WidgetStack.Blueprint.Report;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// <c>blueprint &lt;stack&gt; [--dir FOLDER] [--format text|mermaid] [cost assumptions]</c>: validates a
/// stack and shows what it builds, offline; <c>blueprint diff &lt;stack&gt; [&lt;other&gt; | --before FILE]</c>:
/// what differs between two stacks, or a stack and its file before an edit.
/// </summary>
public static class BlueprintCommand
{
    /// <summary>The program's name in help and usage, however it was started (dotnet run, the native build).</summary>
    public const string Name = "blueprint";

    /// <summary>The stack is valid; the blueprint was printed. For diff: the two build the same stack.</summary>
    public const int Success = 0;

    /// <summary>The stack breaks one or more rules; every error was printed. For diff: the two differ.</summary>
    public const int InvalidSettings = 1;

    /// <summary>The command line is wrong, or a file is missing or unreadable; for diff also: a stack is invalid.</summary>
    public const int UnusableInput = 2;

    /// <summary>The exit codes of <c>blueprint &lt;stack&gt;</c>, as its help lists them.</summary>
    internal static readonly IReadOnlyList<(int Code, string Meaning)> ExitCodes =
    [
        (Success, "the stack is valid; its blueprint was printed"),
        (InvalidSettings, "the stack breaks one or more rules; each is printed with its key, its value and what is allowed"),
        (UnusableInput, "the command line is wrong, or a file is missing or unreadable (not YAML, or not shaped as a Pulumi file)"),
    ];

    /// <summary>The exit codes of <c>blueprint diff</c>, as its help lists them.</summary>
    internal static readonly IReadOnlyList<(int Code, string Meaning)> DiffExitCodes =
    [
        (Success, "the two build the same stack"),
        (InvalidSettings, "they differ"),
        (UnusableInput, "the command line is wrong, a stack is invalid, or a file is missing or unreadable"),
    ];

    private const string FormatsAllowed = "text or mermaid";
    private const string DirectoryAllowed = "a folder holding Pulumi.yaml";
    private const string BeforeAllowed = "the stack's file before the edit";

    /// <summary>Runs the command, writing the blueprint to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, Terminal.Current);

    /// <summary>Runs the command for <paramref name="terminal"/>: its width lays out text and help.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Terminal terminal)
    {
        var (command, allowed) = Create(terminal.Width, output, error);
        var result = command.Parse([Name, .. args]);
        if (result.Action is ParseErrorAction)
        {
            foreach (var message in result.Errors.Select(e => Message(e, allowed)).Distinct())
            {
                error.WriteLine(message);
            }

            return UnusableInput;
        }

        // Help and --version write here; the blueprint itself goes straight to output.
        var printed = new StringWriter();
        var exit = result.Invoke(new InvocationConfiguration { Output = printed, Error = error });
        output.Write(printed.ToString());
        return exit;
    }

    /// <summary>
    /// The blueprint command and its subcommand, laying text out for <paramref name="width"/>, with
    /// what each option that takes a value allows (as its errors say it).
    /// </summary>
    internal static (Command Command, IReadOnlyDictionary<Option, string> Allowed) Create(int width, TextWriter output, TextWriter error)
    {
        var directory = PathOption(
            "--dir",
            "FOLDER",
            "Folder holding Pulumi.yaml and the stack files. Default: the folder of a stack file named with its path, "
                + "else the current folder or the nearest parent with a Pulumi.yaml.",
            DirectoryAllowed,
            "is not a folder",
            path => Directory.Exists(path) ? new DirectoryInfo(path) : null);
        var assumptions = new CostOptions();

        var stack = StackArgument("stack", "Stack to show: dev, prod, or any other with a Pulumi.<stack>.yaml; or that file's name or path.");
        var format = FormatOption("text (tables as wide as the terminal) or mermaid (a diagram).");

        var allowed = assumptions.Allowed.ToDictionary(a => a.Option, a => a.Allowed);
        allowed[directory] = DirectoryAllowed;
        allowed[format] = FormatsAllowed;
        var diff = DiffCommand(directory, assumptions, allowed, output, error);
        var command = new Command(Name, "Shows what a WidgetStack stack builds on AWS, and what it costs, without an AWS account. "
            + $"Text fits the terminal's width; piped, the width in COLUMNS, else {Terminal.DefaultWidth} characters.")
        {
            stack, directory, format, diff,
        };
        assumptions.AddTo(command);
        command.Options.Add(new HelpOption { Action = new BlueprintHelp(width, command, stack, ExitCodes, DiffExitCodes) });
        command.Options.Add(new VersionOption());
        command.SetAction(parsed => Show(
            parsed.GetValue(stack)!,
            parsed.GetValue(directory),
            parsed.GetValue(format)!,
            assumptions.From(parsed),
            width,
            output,
            error));

        return (command, allowed);
    }

    private static Command DiffCommand(Option<DirectoryInfo?> directory, CostOptions assumptions, Dictionary<Option, string> allowed, TextWriter output, TextWriter error)
    {
        var stack = StackArgument("stack", "The stack after the change (with --before), or the first of two stacks: a name, or a stack file's name or path.");
        var other = StackArgument("other", "The second stack to compare with the first.");
        other.Arity = ArgumentArity.ZeroOrOne;
        var before = PathOption(
            "--before",
            "FILE",
            "The stack's file before an edit (e.g. from git show main:Pulumi.prod.yaml), compared with its file now.",
            BeforeAllowed,
            "is not a file",
            path => File.Exists(path) ? new FileInfo(path) : null);
        var format = FormatOption("text (Markdown: every difference, then the cost and rollout changes) "
            + "or mermaid (the diagram of the second stack, or of the stack after the edit, with what was added, changed or removed marked).");
        allowed[before] = BeforeAllowed;
        allowed[format] = FormatsAllowed;
        var command = new Command("diff", "Lists every setting and design element that differs between two stacks, or a stack before and after an edit, "
            + "with the cost and rollout changes.")
        {
            stack, other, before, directory, format,
        };
        assumptions.AddTo(command);
        // A validator reads tokens, not values: a value read here would be converted before the
        // option's or argument's own checks run, and skip them.
        command.Validators.Add(result =>
        {
            if ((result.GetResult(other) is null) == (result.GetResult(before) is null))
            {
                result.AddError("diff takes a second stack or --before FILE: one of them, not both.");
            }
        });
        command.SetAction(parsed => Compare(
            parsed.GetValue(stack)!,
            parsed.GetValue(other),
            parsed.GetValue(directory),
            parsed.GetValue(before)?.FullName,
            parsed.GetValue(format)!,
            assumptions.From(parsed),
            output,
            error));
        return command;
    }

    private static Argument<string> StackArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && StackLocation.Problem(result.Tokens[0].Value) is { } problem)
            {
                result.AddError($"<{name}>: {problem}. Allowed: {StackLocation.Allowed}.");
            }
        });
        return argument;
    }

    // A folder or file option: the path must name one that exists (found is null where none does).
    private static Option<T?> PathOption<T>(string name, string placeholder, string description, string allowed, string missing, Func<string, T?> found)
        where T : FileSystemInfo
    {
        return new Option<T?>(name)
        {
            Description = description,
            HelpName = placeholder,
            CustomParser = result =>
            {
                var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                var existing = path.Trim().Length == 0 ? null : found(path);
                if (existing is null)
                {
                    result.AddError($"{name}: {(path.Trim().Length == 0 ? "needs a value" : $"'{path}' {missing}")}. Allowed: {allowed}.");
                }

                return existing;
            },
        };
    }

    private static Option<string> FormatOption(string description)
    {
        var option = new Option<string>("--format") { Description = description, HelpName = "text|mermaid", DefaultValueFactory = _ => "text" };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("text" or "mermaid"))
            {
                result.AddError($"--format: '{value}' is not a format. Allowed: {FormatsAllowed}.");
            }
        });
        return option;
    }

    // One line per mistake: what System.CommandLine says, except where it can name what is allowed.
    private static string Message(ParseError error, IReadOnlyDictionary<Option, string> allowed) => error.SymbolResult switch
    {
        OptionResult { Option: var option, Tokens.Count: 0 } when allowed.TryGetValue(option, out var what) => $"{option.Name}: needs a value. Allowed: {what}.",
        ArgumentResult { Argument: var argument, Tokens.Count: 0 } when argument.Arity.MinimumNumberOfValues > 0 => $"<{argument.Name}>: needs a value. Allowed: {StackLocation.Allowed}.",
        _ => error.Message,
    };

    private static int Show(string given, DirectoryInfo? directory, string format, CostAssumptions assumptions, int width, TextWriter output, TextWriter error)
    {
        try
        {
            var stack = StackLocation.Of(given, directory);
            var design = WidgetDesign.Load(stack.Directory, stack.Stack);
            output.Write(format == "mermaid" ? MermaidDiagram.Render(design) : TextReport.Render(design, assumptions, width));
            return Success;
        }
        catch (SettingsException e)
        {
            error.WriteLine(e.Message);
            return InvalidSettings;
        }
        catch (Exception e) when (e is ConfigFileException or UsageException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return UnusableInput;
        }
    }

    private static int Compare(
        string given, string? givenOther, DirectoryInfo? directory, string? beforeFile, string format, CostAssumptions assumptions, TextWriter output, TextWriter error)
    {
        try
        {
            var stack = StackLocation.Of(given, directory);
            var other = givenOther is null ? null : StackLocation.Of(givenOther, directory);
            var (before, after) = beforeFile is null
                ? (Side(stack.Stack, StackFile.Load(stack.Directory, stack.Stack)), Side(other!.Stack, StackFile.Load(other.Directory, other.Stack)))
                : (Side($"{stack.Stack} (before)", StackFile.LoadFile(stack.Directory, stack.Stack, beforeFile)), Side(stack.Stack, StackFile.Load(stack.Directory, stack.Stack)));
            var diff = StackDiff.Between(before, after, assumptions);
            output.Write(format == "mermaid" ? MermaidDiagram.Render(diff) : DiffReport.Render(diff));
            return diff.Same ? Success : InvalidSettings;
        }
        catch (Exception e) when (e is SettingsException or ConfigFileException or UsageException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return UnusableInput;
        }
    }

    private static DiffSide Side(string label, StackConfig config) => new(label, config, WidgetDesign.From(SettingsReader.Read(config)));
}
