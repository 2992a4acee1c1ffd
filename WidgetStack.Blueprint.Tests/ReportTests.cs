using WidgetStack.Blueprint.Cli;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

/// <summary>What the blueprint command prints, compared whole with the files under Expected/.</summary>
public class ReportTests
{
    /// <summary>
    /// A stack that takes every branch dev and prod do not: blue/green, HTTPS, autoscaling from 2,
    /// ARM64, no circuit breaker.
    /// </summary>
    internal static readonly (string Key, string? Value)[] BlueGreenHttps =
    [
        ("widget:deploymentStrategy", "blueGreen"),
        ("widget:bakeTimeMinutes", "10"),
        ("widget:certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"),
        ("widget:autoscaling", "true"),
        ("widget:minReplicas", "2"),
        ("widget:maxReplicas", "6"),
        ("widget:cpuArchitecture", "ARM64"),
        ("widget:circuitBreaker", "false"),
        ("widget:circuitBreakerRollback", "false"),
        ("widget:healthCheckPath", "/healthz"),
    ];

    [TestCase("dev", "text", "txt")]
    [TestCase("prod", "text", "txt")]
    [TestCase("dev", "mermaid", "mmd")]
    [TestCase("prod", "mermaid", "mmd")]
    public void A_repository_stack_prints_its_expected_blueprint(string stack, string format, string extension)
    {
        var (exit, output, error) = Run(stack, "--dir", Repository.Root, "--format", format);

        Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
        ExpectedOutput.AssertMatches($"blueprint-{stack}.{extension}", output);
    }

    [Test]
    public void The_README_diagram_is_the_prod_diagram_the_command_draws()
    {
        var (_, diagram, _) = Run("prod", "--dir", Repository.Root, "--format", "mermaid");
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.That(readme, Does.Contain("```mermaid\n" + diagram + "```"));
    }

    [TestCase("text", "txt")]
    [TestCase("mermaid", "mmd")]
    public void A_blue_green_HTTPS_stack_prints_its_expected_blueprint(string format, string extension)
    {
        var folder = Repository.WithStack("bluegreen", ValidStack.Yaml(BlueGreenHttps));

        var (exit, output, error) = Run("bluegreen", "--dir", folder, "--format", format);

        Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
        ExpectedOutput.AssertMatches($"blueprint-bluegreen-https.{extension}", output);
    }

    [Test]
    public void Every_bad_config_prints_its_expected_message()
    {
        var messages = ValidationTests.BadConfigs.Select(bad =>
        {
            var folder = Repository.WithStack("qa", ValidStack.Yaml(((string Key, string? Value)[])bad.Arguments[1]!));
            var (exit, output, error) = Run("qa", "--dir", folder);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(BlueprintCommand.InvalidSettings), bad.TestName);
                Assert.That(output, Is.Empty, bad.TestName);
            });
            return $"== {bad.TestName}\n{error}";
        });

        ExpectedOutput.AssertMatches("errors.txt", string.Join("\n", messages));
    }

    [Test]
    public void The_settings_reader_and_the_command_agree_on_the_message()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:replicas", "0")));

        var thrown = Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));
        var (_, _, error) = Run("qa", "--dir", folder);

        Assert.That(error, Is.EqualTo(thrown!.Message + Environment.NewLine));
    }
}
