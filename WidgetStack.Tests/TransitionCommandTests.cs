using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>The transition command as CI and ops run it: a stack file before and after an edit.</summary>
public class TransitionCommandTests
{
    [Test]
    public async Task A_safe_edit_prints_what_pulumi_up_does_and_exits_0()
    {
        var (folder, before) = Edited("prod", text => text.Replace("widget:spot: false", "widget:spot: true").Replace("  widget:replicas: 3\n", "  widget:replicas: 3\n  widget:spot: true\n"));

        var (exit, output, error) = await RunAsync("prod", "--before", before, "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(TransitionCommand.Safe), error);
            Assert.That(output, Does.StartWith("## Day two: pulumi up on prod is safe\n\nEdited: widget:spot. 0 to create, 1 to update, 0 to replace, 0 to delete.\n"));
            Assert.That(output, Does.Contain("| update | Service WidgetService | capacityProviderStrategies[0].capacityProvider |"));
        });
    }

    [Test]
    public async Task Moving_a_stack_to_another_region_is_unsafe_and_exits_1()
    {
        var (folder, before) = Edited("dev", text => text.Replace("us-east-1", "us-west-2"));

        var (exit, output, _) = await RunAsync("dev", "--before", before, "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(TransitionCommand.Unsafe));
            Assert.That(output, Does.StartWith("## Day two: pulumi up on dev is UNSAFE"));
            Assert.That(output, Does.Contain("- **UNSAFE**: LogGroup widget-logs is replaced: its log events are lost."));
        });
    }

    [Test]
    public async Task A_missing_file_or_a_bad_option_is_refused_with_exit_2_and_no_stack_trace()
    {
        var missing = await RunAsync("prod", "--before", "/nonexistent/Pulumi.prod.yaml", "--dir", Repository.Root);
        var noBefore = await RunAsync("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That((missing.Exit, noBefore.Exit), Is.EqualTo((TransitionCommand.Refused, TransitionCommand.Refused)));
            Assert.That(missing.Error, Is.EqualTo("/nonexistent/Pulumi.prod.yaml not found.\n"));
            Assert.That(noBefore.Error, Does.Contain("--before"));
            Assert.That(missing.Error + noBefore.Error, Does.Not.Contain("   at "));
        });
    }

    // A copy of the repository whose Pulumi.<stack>.yaml is the edit of <edit>, and the file before it.
    private static (string Folder, string Before) Edited(string stack, Func<string, string> edit)
    {
        var folder = Repository.WithAllStacks();
        var path = Path.Combine(folder, $"Pulumi.{stack}.yaml");
        var before = Path.Combine(folder, "before.yaml");
        File.Copy(path, before);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return (folder, before);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await TransitionCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
