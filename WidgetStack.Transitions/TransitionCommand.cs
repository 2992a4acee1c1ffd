using System.CommandLine;
using WidgetStack.Blueprint.Config;

namespace WidgetStack.Transitions;

/// <summary>
/// <c>transition &lt;stack&gt; --before &lt;file&gt; [--dir &lt;folder&gt;]</c>: what pulumi up does to
/// the running stack when its stack file changes from &lt;file&gt; to Pulumi.&lt;stack&gt;.yaml, and
/// whether that is safe.
/// </summary>
public static class TransitionCommand
{
    /// <summary>Safe, or only the accepted costs.</summary>
    public const int Safe = 0;

    /// <summary>A change no acceptance covers.</summary>
    public const int Unsafe = 1;

    /// <summary>A file cannot be read, or the program refuses a setting.</summary>
    public const int Refused = 2;

    /// <summary>Runs the command with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var stack = new Argument<string>("stack") { Description = "The stack, e.g. prod: its file Pulumi.<stack>.yaml is the edit." };
        var before = new Option<string>("--before") { Description = "The stack file before the edit, e.g. the one on the main branch.", Required = true, HelpName = "file" };
        var dir = new Option<string>("--dir") { Description = "The folder of Pulumi.yaml and the stack files.", DefaultValueFactory = _ => ".", HelpName = "folder" };
        var command = new RootCommand("What pulumi up does to a running stack when its stack file changes, judged on Pulumi's mock runtime. "
            + $"Exit codes: {Safe} safe (or only the costs README.md accepts), {Unsafe} unsafe, {Refused} a file or a setting is refused.")
        {
            stack, before, dir,
        };
        command.SetAction(async (result, _) =>
        {
            try
            {
                var folder = result.GetValue(dir)!;
                var name = result.GetValue(stack)!;
                var old = StackFile.LoadFile(folder, name, result.GetValue(before)!);
                var now = StackFile.Load(folder, name);
                var transition = TransitionAnalysis.Analyze(await StackEvaluator.RunAsync(old), await StackEvaluator.RunAsync(now), ReplacementFacts.Load());
                var verdict = Verdict.Of(transition, EditedKeys.Between(old, now));
                await output.WriteAsync(VerdictReport.Markdown(name, verdict));
                return verdict.Unaccepted.Count > 0 ? Unsafe : Safe;
            }
            catch (Exception e) when (e is ConfigFileException or StackRefusedException)
            {
                await error.WriteLineAsync(e.Message);
                return Refused;
            }
        });
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            return Refused;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
