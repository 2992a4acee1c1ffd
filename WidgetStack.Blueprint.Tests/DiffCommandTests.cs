using WidgetStack.Blueprint.Cli;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Diff;
using WidgetStack.Blueprint.Report;

namespace WidgetStack.Blueprint.Tests;

/// <summary><c>blueprint diff</c>: two stacks, or a stack before and after an edit, as a user runs it.</summary>
public class DiffCommandTests
{
    [Test]
    public void Dev_and_prod_differ_in_settings_design_cost_and_rollout()
    {
        var (exit, output, _) = BlueprintRun.Run("diff", "dev", "prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.StartWith("## Blueprint diff: dev -> prod"));
            Assert.That(output, Does.Contain("| widget:replicas | '1' | '3' |"));
            Assert.That(output, Does.Contain("| widget:natGateways | 'single' | 'onePerZone' |"));
            Assert.That(output, Does.Contain("| widget:vpcEndpoints | 'false' | 'true' |"));
            Assert.That(output, Does.Not.Contain("| widget:containerPort |"), "equal settings are not listed");
            Assert.That(output, Does.Contain("| Network.Zones[us-east-1c].Zone | (none) | us-east-1c |"), "list items matched by their name");
            Assert.That(output, Does.Not.Contain("Iam.Roles[").And.Not.Contain("Iam.ServiceRoles[").And.Not.Contain("ProductionTargetGroup."), "each fact once");
            Assert.That(output, Does.Contain("| At the autoscaling ceiling (1 -> 9 tasks) |"));
            Assert.That(output, Does.Contain("| Network.NatGatewayCount | 1 | 3 |"));
            Assert.That(output, Does.Contain("| Service.DesiredCount | 1 | 3 |"));
            Assert.That(output, Does.Not.Contain("| Service.Task.Family |"), "equal elements are not listed");

            // Totals as the blueprint of each stack prints them: 72.53 and 288.68.
            Assert.That(output, Does.Contain("| Total | 72.53 | 288.68 | +216.15 |"));
            Assert.That(output, Does.Contain("| NAT gateway hours | 32.85 | 98.55 | +65.70 |"));
            Assert.That(output, Does.Contain("| WAF web ACL | 0.00 | 15.88 | +15.88 |"));
            Assert.That(output, Does.Not.Contain("| CloudWatch dashboard |"), "equal costs are not listed");

            // dev rolls 4 tasks (its ceiling) at 100%/200%: one wave of 60 + 10 x 2 + 30 = 110 s, then 3
            // minutes of alarm watch: 290 s; prod one wave of 9, 290 s as well.
            Assert.That(output, Does.Contain("| Deployment | 290 s | 290 s | 0 s |"));
        });
    }

    [Test]
    public void Dev_against_prod_prints_its_expected_diff()
    {
        var (_, output, _) = BlueprintRun.Run("diff", "dev", "prod", "--dir", Repository.Root);

        ExpectedOutput.AssertMatches("diff-dev-prod.md", output);
    }

    [Test]
    public void Stacks_in_a_region_without_prices_still_diff_and_say_why_no_cost_shows()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        File.WriteAllText(Path.Combine(folder, "Pulumi.eu.yaml"), ValidStack.Yaml(
            ("aws:region", "eu-west-1"),
            ("widget:availabilityZones", "[eu-west-1a, eu-west-1b]"),
            ("widget:image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/widget:1.2.3")));

        var (exit, output, _) = BlueprintRun.Run("diff", "qa", "eu", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain("| aws:region | 'us-east-1' | 'eu-west-1' |"));
            Assert.That(output, Does.Contain("### Cost per month: no price list for a region of these stacks\n\n### Rollout of one deployment"));
            Assert.That(output, Does.Not.Contain("| Total |"));
        });
    }

    [Test]
    public void A_stack_against_itself_is_the_same_and_exits_zero()
    {
        var (exit, output, _) = BlueprintRun.Run("diff", "prod", "prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain("prod and prod build the same stack."));
            Assert.That(output, Does.Not.Contain("### Settings"));
        });
    }

    // Before: 4 replicas and an autoscaling floor of 4 (the assumed 5 requests/s need 1 task, so the
    // floor is what runs: 4 x 18.02005 of Fargate); after: prod's 3. The ceiling is 9 either way, so the rollout holds.
    [Test]
    public void An_edit_to_a_stack_file_shows_against_the_file_before_it()
    {
        var before = Path.Combine(Path.GetTempPath(), $"before-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(before, File.ReadAllText(Path.Combine(Repository.Root, "Pulumi.prod.yaml"))
            .Replace("widget:replicas: 3", "widget:replicas: 4", StringComparison.Ordinal)
            .Replace("widget:minReplicas: 3", "widget:minReplicas: 4", StringComparison.Ordinal));

        var (exit, output, _) = BlueprintRun.Run("diff", "prod", "--before", before, "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.StartWith("## Blueprint diff: prod (before) -> prod"));
            Assert.That(output, Does.Contain("### Settings: 2 differ"));
            Assert.That(output, Does.Contain("| widget:replicas | '4' | '3' |"));
            Assert.That(output, Does.Contain("| widget:minReplicas | '4' | '3' |"));
            Assert.That(output, Does.Contain("| Service.DesiredCount | 4 | 3 |"));
            Assert.That(output, Does.Contain("| Fargate vCPU (on-demand, x86) | 59.10 | 44.33 | -14.77 |"));
            Assert.That(output, Does.Contain("| Deployment | 290 s | 290 s | 0 s |"));
        });
    }

    [Test]
    public void Rollout_changes_show_with_their_sign()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        File.WriteAllText(Path.Combine(folder, "Pulumi.slow.yaml"), ValidStack.Yaml(("widget:deregistrationDelaySeconds", "300")));

        var (_, output, _) = BlueprintRun.Run("diff", "qa", "slow", "--dir", folder);

        // qa keeps Pulumi.yaml's 30 s drain; slow drains 300 s: 270 s more per wave, 4.5 min more.
        Assert.That(output, Does.Match(@"\| Deployment \| (\d+) s \| (\d+) s \| \+270 s \|"));
    }

    [Test]
    public void An_invalid_stack_exits_two_with_its_errors()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        File.WriteAllText(Path.Combine(folder, "Pulumi.bad.yaml"), ValidStack.Yaml(("widget:replicas", "0")));

        var (exit, output, error) = BlueprintRun.Run("diff", "qa", "bad", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Does.Contain("widget:replicas"));
            Assert.That(output, Is.Empty);
        });
    }

    [TestCase("diff", "prod")]
    [TestCase("diff", "prod", "dev", "--before", "Pulumi.dev.yaml")]
    public void Diff_needs_exactly_one_of_a_second_stack_and_before(params string[] args)
    {
        var (exit, _, error) = BlueprintRun.Run([.. args, "--dir", Repository.Root]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Does.Contain("diff takes a second stack or --before FILE: one of them, not both."));
        });
    }

    [Test]
    public void A_missing_before_file_exits_two_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var (exit, _, error) = BlueprintRun.Run("diff", "prod", "--before", missing, "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Is.EqualTo($"--before: '{missing}' is not a file. Allowed: the stack's file before the edit.{Environment.NewLine}"));
        });
    }

    // A default spelled out: the setting differs, nothing built does.
    [Test]
    public void A_setting_that_changes_nothing_built_still_counts_as_a_difference()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:spot", "'False'")));
        var before = Path.Combine(folder, "before.yaml");
        File.WriteAllText(before, ValidStack.Yaml());

        var (exit, output, _) = BlueprintRun.Run("diff", "qa", "--before", before, "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain("| widget:spot | 'false' | 'False' |"));
            Assert.That(output, Does.Contain("### Design: 0 differ\n\n### Cost per month"));
            Assert.That(output, Does.Match(@"\| Total \| (\d+\.\d\d) \| \1 \| 0\.00 \|"));
        });
    }

    [Test]
    public void Diff_as_mermaid_draws_the_second_stack_with_what_it_adds_and_changes_marked()
    {
        var (exit, output, error) = BlueprintRun.Run("diff", "dev", "prod", "--dir", Repository.Root, "--format", "mermaid");
        var (_, prodDiagram, _) = BlueprintRun.Run("prod", "--dir", Repository.Root, "--format", "mermaid");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), error);
            Assert.That(output, Does.StartWith("---\ntitle: \"Blueprint diff: dev -> prod\"\n---\n" + prodDiagram), "prod's diagram, then the marks");
            Assert.That(output, Does.Contain("    style nat1 fill:#dcfce7"), "prod's second NAT gateway is added");
            Assert.That(output, Does.Contain("    style z2 fill:#dcfce7"), "and its third zone");
            Assert.That(output, Does.Contain("    style tasks1 fill:#fef3c7"), "the tasks of zone b egress through their own NAT gateway now");
            Assert.That(output, Does.Contain("    style alb fill:#fef3c7"), "the load balancer gains HTTPS");
            Assert.That(output, Does.Not.Contain("style igw"), "the internet gateway is the same");
            Assert.That(output, Does.Not.Contain("subgraph removed"), "prod removes nothing dev has");
        });
        ExpectedOutput.AssertMatches("diff-dev-prod.mmd", output);
    }

    [Test]
    public void Diff_as_mermaid_draws_what_the_second_stack_removes_apart()
    {
        var (exit, output, _) = BlueprintRun.Run("diff", "prod", "dev", "--dir", Repository.Root, "--format", "mermaid");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain(
                "    subgraph removed[\"Removed: in prod only\"]\n"
                + "        nat1[NAT gateway]\n"
                + "        subgraph z2[\"us-east-1c\"]\n"
                + "            pub2[\"public 10.0.232.0/22\"]\n"
                + "            nat2[NAT gateway]\n"
                + "            tasks2[\"private 10.0.64.0/19<br/>WidgetService tasks :3333\"]\n"
                + "        end\n"
                + "    end\n"));
            Assert.That(output, Does.Contain("    style z2 fill:#fee2e2,stroke:#dc2626,stroke-width:2px,stroke-dasharray:5 5"));
        });
    }

    [Test]
    public void Diff_as_mermaid_of_a_stack_against_itself_marks_nothing_and_exits_0()
    {
        var (exit, output, _) = BlueprintRun.Run("diff", "prod", "prod", "--dir", Repository.Root, "--format", "mermaid");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain("flowchart LR"));
            Assert.That(output, Does.Not.Contain("style "));
        });
    }

    [Test]
    public void Diff_takes_stacks_by_their_files()
    {
        var (exit, output, error) = BlueprintRun.Run("diff", Path.Combine(Repository.Root, "Pulumi.dev.yaml"), Path.Combine(Repository.Root, "Pulumi.prod.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), error);
            Assert.That(output, Does.StartWith("## Blueprint diff: dev -> prod"));
        });
    }

    [Test]
    public void Values_holding_a_pipe_stay_in_their_cell()
    {
        var side = new DiffSide("qa", StackFile.Load(Repository.Root, "prod"), WidgetDesign.Load(Repository.Root, "prod"));
        var diff = new StackDiff(side, side, [new Difference("widget:x", "a|b", null)], [], new CostAssumptions());

        Assert.That(DiffReport.Render(diff), Does.Contain("| widget:x | a\\|b | (none) |"));
    }
}
