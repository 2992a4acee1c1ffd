using System.Text.RegularExpressions;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The CI/CD workflow against what README.md's CI/CD section tells a team to set up.</summary>
public partial class WorkflowTests
{
    private static string Workflow => File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "stacks.yml"));

    private static string SetUp
    {
        get
        {
            var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
            var start = readme.IndexOf("### Set-up, once", StringComparison.Ordinal);
            return readme[start..readme.IndexOf("\n### ", start + 1, StringComparison.Ordinal)];
        }
    }

    // A role ARN names its account, so one preview role for every stack previews a stack of another
    // account in the wrong one: each stack's preview assumes a role of its own.
    [Test]
    public void Each_stack_is_previewed_under_its_own_preview_role()
    {
        var stacks = Config.StackFile.StacksIn(Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(Workflow, Does.Not.Contain("vars.AWS_PREVIEW_ROLE_ARN }}"), "one preview role for every stack");
            Assert.That(Workflow, Does.Contain("AWS_PREVIEW_ROLE_ARN_").And.Contain("role-to-assume: ${{ steps.role.outputs.arn }}"));
            foreach (var stack in stacks)
            {
                Assert.That(SetUp, Does.Contain($"`AWS_PREVIEW_ROLE_ARN_{stack.ToUpperInvariant()}`"), $"the README names {stack}'s preview role variable");
            }
        });
    }

    [Test]
    public void Every_variable_and_secret_the_workflow_reads_is_in_the_README_set_up()
    {
        var names = SettingRead().Matches(Workflow).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.That(names, Is.Not.Empty);
        Assert.That(names.Where(name => !SetUp.Contains($"`{name}", StringComparison.Ordinal)), Is.Empty, "named in the set-up table");
    }

    // A personal token of someone in several organisations resolves a bare stack name in their
    // default one: every Pulumi step names the organisation when PULUMI_ORG says it.
    [Test]
    public void Every_pulumi_step_names_its_stack_in_the_organisation_PULUMI_ORG_names()
    {
        var stackNames = StackName().Matches(Workflow).Select(m => m.Groups["value"].Value.Trim()).ToList();

        Assert.That(stackNames, Has.Count.EqualTo(Regex.Count(Workflow, @"uses: pulumi/actions@")));
        Assert.Multiple(() =>
        {
            foreach (var name in stackNames)
            {
                Assert.That(name, Does.Match(@"^\$\{\{ vars\.PULUMI_ORG && format\('\{0\}/(\{1\}|[a-z]+)', vars\.PULUMI_ORG(, matrix\.stack)?\) \|\| ('[a-z]+'|matrix\.stack) \}\}$"), name);
            }
        });
    }

    [GeneratedRegex(@"^\s*stack-name:(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex StackName();

    [GeneratedRegex(@"\b(?:vars|secrets)\.(?<name>[A-Z][A-Z0-9_]*)")]
    private static partial Regex SettingRead();
}
