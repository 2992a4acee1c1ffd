using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using WidgetStack.Blueprint.Report;

namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// Help as System.CommandLine writes it, wrapped at the terminal's width and without trailing
/// spaces, followed by the exit codes of the command it is about.
/// </summary>
/// <param name="width">The width help is laid out for.</param>
/// <param name="root">The blueprint command.</param>
/// <param name="stack">The blueprint command's stack argument: no part of a subcommand's usage.</param>
/// <param name="exitCodes">The blueprint command's exit codes.</param>
/// <param name="subcommandExitCodes">The exit codes of its subcommand, diff.</param>
internal sealed class BlueprintHelp(
    int width,
    Command root,
    Argument stack,
    IReadOnlyList<(int Code, string Meaning)> exitCodes,
    IReadOnlyList<(int Code, string Meaning)> subcommandExitCodes) : SynchronousCommandLineAction
{
    /// <summary>The heading of the exit codes section.</summary>
    public const string ExitCodesHeading = "Exit codes:";

    private readonly HelpAction help = new() { MaxWidth = width };

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var output = parseResult.InvocationConfiguration.Output;
        var written = new StringWriter();

        // System.CommandLine puts a parent's arguments in a subcommand's usage and arguments
        // ("blueprint <stack> diff <stack>"); diff takes no stack before its name.
        stack.Hidden = command != root;
        parseResult.InvocationConfiguration.Output = written;
        try
        {
            help.Invoke(parseResult);
        }
        finally
        {
            stack.Hidden = false;
            parseResult.InvocationConfiguration.Output = output;
        }

        output.Write(string.Join(Environment.NewLine, written.ToString().Split('\n').Select(line => line.TrimEnd())).TrimEnd());
        output.WriteLine();
        output.WriteLine();
        output.Write(ExitCodesSection(command == root ? exitCodes : subcommandExitCodes, width));
        return BlueprintCommand.Success;
    }

    /// <summary>The exit codes as help lists them: a heading, then one code per line, wrapped at <paramref name="width"/>.</summary>
    internal static string ExitCodesSection(IReadOnlyList<(int Code, string Meaning)> codes, int width) =>
        TextReport.Write([Blocks.Line(ExitCodesHeading), .. codes.Select(c => Blocks.Hanging(2, $"{c.Code}  ", c.Meaning))], width);
}
