using System.CommandLine;
using WidgetStack.Blueprint.Config;
using WidgetStack.Transitions;

// transition <stack> --before <file> [--dir <folder>]: what pulumi up does to the running stack
// when its stack file changes from <file> to Pulumi.<stack>.yaml, and whether that is safe.
// Exit codes: 0 safe (or only accepted costs), 1 unsafe, 2 a file or a setting is refused.
var stack = new Argument<string>("stack") { Description = "The stack, e.g. prod: its file Pulumi.<stack>.yaml is the edit." };
var before = new Option<string>("--before") { Description = "The stack file before the edit, e.g. the one on the main branch.", Required = true };
var dir = new Option<string>("--dir") { Description = "The folder of Pulumi.yaml and the stack files.", DefaultValueFactory = _ => "." };
var command = new RootCommand("What pulumi up does to a running stack when its stack file changes, judged on Pulumi's mock runtime.") { stack, before, dir };
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
        Console.Write(VerdictReport.Markdown(name, verdict));
        return verdict.Unaccepted.Count > 0 ? 1 : 0;
    }
    catch (Exception e) when (e is ConfigFileException or StackRefusedException)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
});
return await command.Parse(args).InvokeAsync();
