using WidgetStack.Blueprint.Cli;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// README.md's "Operating the stacks" stays true: each example's commands are applied to copies of
/// the stack files, and the blueprint printed afterwards holds every line the README shows for it.
/// </summary>
public class OperatingGuideTests
{
    private static readonly IReadOnlyList<GuideExample> Guide =
        OperatingGuide.Examples(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    private static IEnumerable<TestCaseData> Examples =>
        Guide.Select(example => new TestCaseData(example).SetArgDisplayNames(example.Title));

    [TestCaseSource(nameof(Examples))]
    public void The_blueprint_after_an_example_s_edit_prints_the_lines_the_guide_shows(GuideExample example)
    {
        var folder = Repository.WithAllStacks();
        var printedBefore = Lines(Run(example.Stack, "--dir", folder).Output);

        foreach (var edit in example.Edits)
        {
            GuideCommand.Apply(edit, folder);
        }

        var (exit, output, error) = Run(example.Stack, "--dir", folder);
        var printed = Lines(output);
        var shown = example.ShownLines.Select(Normalized).Where(line => line.Length > 0).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
            Assert.That(shown, Is.Not.Empty, $"'{example.Title}' needs a ```text block with the blueprint's lines right after its commands");
            Assert.That(shown.Where(line => !printed.Contains(line)), Is.Empty, $"lines of '{example.Title}' the blueprint does not print:\n{output}");
            Assert.That(shown.Where(line => !printedBefore.Contains(line)), Is.Not.Empty, $"'{example.Title}' shows no line its edit changed");
        });
    }

    [Test]
    public void The_guide_shows_each_common_edit()
    {
        var edits = string.Join("\n", Guide.SelectMany(example => example.Edits));

        Assert.That(edits, Does.Contain("pulumi config set widget:replicas ")
            .And.Contain("pulumi config set widget:image ")
            .And.Contain("pulumi config set widget:maxReplicas ")
            .And.Contain("pulumi config set widget:certificateArn ")
            .And.Contain("pulumi config set widget:domainName ")
            .And.Contain("pulumi config set widget:hostedZoneId ")
            .And.Contain("pulumi config set widget:deploymentStrategy blueGreen ")
            .And.Contain("pulumi config set --secret ")
            .And.Contain("cp Pulumi.")
            .And.Contain("pulumi stack init "));
    }

    [Test]
    public void A_command_the_guide_test_cannot_apply_fails_it()
    {
        var folder = Repository.WithAllStacks();

        Assert.Multiple(() =>
        {
            Assert.That(() => GuideCommand.Apply("pulumi config set widget:replicas 4", folder), Throws.InvalidOperationException.With.Message.Contains("names no stack"));
            Assert.That(() => GuideCommand.Apply("pulumi config set --path widget:replicas 4 --stack dev", folder), Throws.InvalidOperationException.With.Message.Contains("cannot apply"));
            Assert.That(() => GuideCommand.Apply("sed -i s/1/4/ Pulumi.dev.yaml", folder), Throws.InvalidOperationException.With.Message.Contains("cannot apply"));
        });
    }

    private static HashSet<string> Lines(string output) => [.. output.Split('\n').Select(Normalized)];

    /// <summary>The line with runs of spaces made one and the ends trimmed: tables pad their columns to the widest cell.</summary>
    private static string Normalized(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
