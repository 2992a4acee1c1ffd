using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// README.md's operating guide says, per example, what <c>pulumi up</c> does to the running stack,
/// and lists the edits that are not free: both kept true by running the analysis.
/// </summary>
public class OperatingGuideTransitionTests
{
    private static readonly string ReadmePath = Path.Combine(Repository.Root, "README.md");

    [Test]
    public async Task The_README_says_what_pulumi_up_does_to_the_running_stack_for_each_operating_example()
    {
        var rows = new List<string>();
        foreach (var example in OperatingGuide.Examples(File.ReadAllText(ReadmePath)))
        {
            var folder = Repository.WithAllStacks();
            var existed = File.Exists(Path.Combine(folder, StackFile.FileName(example.Stack)));
            var before = existed ? StackFile.Load(folder, example.Stack) : null;
            foreach (var edit in example.Edits)
            {
                GuideCommand.Apply(edit, folder);
            }

            var after = StackFile.Load(folder, example.Stack);
            if (before is null)
            {
                rows.Add($"| {example.Title} | {example.Stack} | a new stack: creates everything its blueprint shows | safe |");
                continue;
            }

            var verdict = Verdict.Of(await StackTransitions.BetweenAsync(before, after), EditedKeys.Between(before, after));
            Assert.That(verdict.Unaccepted.Select(h => h.Hazard.Message), Is.Empty, example.Title);
            rows.Add($"| {example.Title} | {example.Stack} | {Describe(verdict.Transition)} | {verdict.Word} |");
        }

        ExpectedOutput.AssertSectionMatches("README.md", "transitions", "| Example | Stack | What `pulumi up` does to the running stack | Verdict |\n|---|---|---|---|\n" + string.Concat(rows.Select(r => r + "\n")));
    }

    [Test]
    public void The_README_lists_every_accepted_cost_with_its_reason()
    {
        var rows = AcceptedHazards.All.Select(a => $"| `{a.Edit}` | {a.Kind} | `{a.Type}` | {a.Reason} | {a.Cost} |\n");

        ExpectedOutput.AssertSectionMatches("README.md", "accepted-costs", "| Edit | Hazard | Resource type | Why it is accepted | Cost |\n|---|---|---|---|---|\n" + string.Concat(rows));
    }

    private static string Describe(Transition transition)
    {
        var parts = new[] { ChangeKind.Create, ChangeKind.Update, ChangeKind.Replace, ChangeKind.Delete }
            .Select(kind => (Kind: kind, Changes: transition.Of(kind)))
            .Where(group => group.Changes.Count > 0)
            .Select(group => $"{Verb(group.Kind)} {string.Join(", ", group.Changes.Select(c => c.Label))}")
            .ToList();
        return parts.Count == 0 ? "changes nothing" : string.Join("; ", parts);
    }

    private static string Verb(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => "creates",
        ChangeKind.Update => "updates",
        ChangeKind.Replace => "replaces",
        _ => "deletes",
    };
}
