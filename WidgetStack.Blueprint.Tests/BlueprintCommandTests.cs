using WidgetStack.Blueprint.Cli;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

public class BlueprintCommandTests
{
    [Test]
    public void Prod_shows_three_replicas_over_three_zones_and_port_3333_open_to_the_load_balancer_only()
    {
        var (exit, output, error) = Run("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("Replicas: 3 over 3 zones"));
            Assert.That(output, Does.Contain("Tasks accept port 3333 from the load balancer's group only."));
            Assert.That(output, Does.Contain("10.0.0.0/19").And.Contain("10.0.224.0/22"));
            Assert.That(output, Does.Contain("WidgetService").And.Contain("RocketCityWidgetServer"));
        });
    }

    // The common rule set blocks bodies over 8 KB unless the stack lets them through; then the one
    // rule counts, and the blueprint says what that costs in inspection.
    [TestCase("false", "request bodies over 8 KB blocked (AWSManagedRulesCommonRuleSet SizeRestrictions_BODY, AWS's default)")]
    [TestCase("true", "AWSManagedRulesCommonRuleSet SizeRestrictions_BODY set to count: request bodies over 8 KB pass; WAF inspects only their first 8 KB")]
    public void The_blueprint_shows_what_the_web_ACL_does_with_request_bodies_over_8_KB(string largeBodies, string shown)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:waf", "true"), ("widget:wafLargeBodies", largeBodies)));

        var (exit, output, error) = Run("qa", "--dir", folder);
        var text = string.Join(' ', output.Split('\n').Select(line => line.Trim()));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(text, Does.Contain(shown));
        });
    }

    [Test]
    public void Large_bodies_without_a_web_ACL_are_refused_at_their_key()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:waf", "false"), ("widget:wafLargeBodies", "true")));

        var (exit, _, error) = Run("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.InvalidSettings));
            Assert.That(error, Does.Contain("widget:wafLargeBodies").And.Contain("true needs widget:waf = true"));
        });
    }

    [Test]
    public void Dev_shows_its_single_NAT_gateway()
    {
        var (exit, output, _) = Run("dev", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain("single gateway in us-east-1a"));
        });
    }

    [Test]
    public void Mermaid_format_draws_every_zone_and_the_load_balancer()
    {
        var (exit, output, _) = Run("prod", "--dir", Repository.Root, "--format", "mermaid");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.StartWith("flowchart LR"));
            Assert.That(output, Does.Contain("us-east-1a").And.Contain("us-east-1b").And.Contain("us-east-1c"));
            Assert.That(output, Does.Contain("ALB widget-alb"));
        });
    }

    [Test]
    public void A_broken_stack_prints_every_error_and_exits_1()
    {
        var folder = Repository.WithStack("broken", ValidStack.Yaml(("widget:replicas", "0"), ("widget:cpu", "300"), ("widget:healthCheckPath", "ping")));

        var (exit, output, error) = Run("broken", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.InvalidSettings));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("3 configuration error(s)"));
            Assert.That(error, Does.Contain("widget:replicas").And.Contain("widget:cpu").And.Contain("widget:healthCheckPath"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void An_unknown_stack_or_format_exits_2()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Run("staging", "--dir", Repository.Root).Exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(Run("prod", "--dir", Repository.Root, "--format", "pdf").Exit, Is.EqualTo(BlueprintCommand.UnusableInput));
        });
    }

    [TestCase("prod", "Replicas: 3 over 3 zones")]
    [TestCase("dev", "Replicas: 1 over 2 zones")]
    public void The_built_program_runs_as_a_new_user_runs_it_from_the_repository_root(string stack, string expected)
    {
        var (exit, output, error) = BuiltProgram.Run(Repository.Root, stack);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain(expected));
        });
    }

    [Test]
    public void The_built_program_lists_every_error_of_a_broken_copy_and_exits_1()
    {
        var folder = Repository.WithStack("prod", File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.prod.yaml"))
            .Replace("widget:replicas: 3", "widget:replicas: 0", StringComparison.Ordinal)
            .Replace("widget:memoryMiB: 1024", "widget:memoryMiB: 100000", StringComparison.Ordinal));

        var (exit, output, error) = BuiltProgram.Run(folder, "prod");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.InvalidSettings));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("widget:replicas = '0'").And.Contain("widget:memoryMiB = '100000'"));
            Assert.That(error, Does.Not.Contain("Exception"));
        });
    }
}
