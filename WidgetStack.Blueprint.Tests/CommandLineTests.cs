using System.Text.RegularExpressions;
using WidgetStack.Blueprint.Cli;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The command line itself: help, where it looks for the stack files, what it says when it cannot read them.</summary>
public class CommandLineTests
{
    [Test]
    public void Help_describes_the_stack_argument_its_options_and_diff()
    {
        var (exit, output, _) = Run("--help");
        var (diffExit, diffOutput, _) = Run("diff", "--help");

        Assert.Multiple(() =>
        {
            Assert.That((exit, diffExit), Is.EqualTo((BlueprintCommand.Success, BlueprintCommand.Success)));
            ExpectedOutput.AssertMatches("help.txt", output);
            ExpectedOutput.AssertMatches("help-diff.txt", diffOutput);
        });
    }

    [Test]
    public void Diff_help_shows_the_usage_of_diff_alone()
    {
        var (_, output, _) = Run("diff", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Usage:\n  blueprint diff <stack> [<other>] [options]\n"));
            Assert.That(output, Does.Not.Contain("Stack to show"), "the blueprint's own stack is no argument of diff");
        });
    }

    [Test]
    public void Help_calls_the_program_blueprint_however_it_is_started()
    {
        var program = Path.Combine(TestContext.CurrentContext.TestDirectory, "WidgetStack.Blueprint.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [program, "--help"]) { RedirectStandardOutput = true };

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Usage:\n  blueprint <stack> [command] [options]\n"));
            Assert.That(output, Does.Not.Contain("WidgetStack.Blueprint"));
        });
    }

    // "--egress-gb <egress-gb>" says nothing the option's name does not: a placeholder names the unit
    // or the kind of value.
    [TestCase("--help")]
    [TestCase("diff", "--help")]
    public void Placeholders_name_a_unit_or_a_kind_of_value_not_the_option_again(params string[] args)
    {
        var (_, output, _) = Run(args);
        var placeholders = Regex.Matches(output, @"(?m)^  (--[a-z-]+) <([^>]+)>").Select(m => (Option: m.Groups[1].Value, Placeholder: m.Groups[2].Value)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(placeholders, Has.Count.GreaterThanOrEqualTo(10));
            Assert.That(placeholders.Where(p => p.Option.TrimStart('-') == p.Placeholder.ToLowerInvariant()), Is.Empty);
            Assert.That(placeholders.Where(p => p.Option.EndsWith("-gb", StringComparison.Ordinal)).Select(p => p.Placeholder), Has.All.EqualTo("GB"));
            Assert.That(output, Does.Contain("--hours-per-month <HOURS>").And.Contain("--dir <FOLDER>").And.Contain("--format <text|mermaid>"));
        });
    }

    [TestCase("--help", "blueprint")]
    [TestCase("diff --help", "diff")]
    public void The_README_lists_the_exit_codes_help_lists(string args, string command)
    {
        var (_, help, _) = Run(args.Split(' '));
        var codes = help[help.IndexOf(BlueprintHelp.ExitCodesHeading, StringComparison.Ordinal)..];
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(codes, Does.StartWith($"{BlueprintHelp.ExitCodesHeading}\n  0  "), command);
            Assert.That(readme, Does.Contain("```text\n" + codes + "```"), $"README shows the exit codes of {command} as its help does");
        });
    }

    // Each code help lists, with a command line that ends in it.
    private static IEnumerable<TestCaseData> ExitCodeExamples()
    {
        var broken = Repository.WithStack("broken", ValidStack.Yaml(("widget:replicas", "0")));
        var notYaml = Repository.WithStack("notyaml", "config: [unclosed");
        foreach (var (command, codes) in new[] { ("blueprint", BlueprintCommand.ExitCodes), ("diff", BlueprintCommand.DiffExitCodes) })
        {
            foreach (var (code, meaning) in codes)
            {
                string[][] examples = (command, code) switch
                {
                    ("blueprint", 0) => [["prod", "--dir", Repository.Root]],
                    ("blueprint", 1) => [["broken", "--dir", broken]],
                    ("blueprint", _) => [["prod", "--dir", Repository.Root, "--egress-gb", "x"], ["staging", "--dir", Repository.Root], ["notyaml", "--dir", notYaml]],
                    ("diff", 0) => [["diff", "prod", "prod", "--dir", Repository.Root]],
                    ("diff", 1) => [["diff", "dev", "prod", "--dir", Repository.Root]],
                    _ => [["diff", "dev", "--dir", Repository.Root], ["diff", "broken", "broken", "--dir", broken], ["diff", "prod", "staging", "--dir", Repository.Root]],
                };
                foreach (var args in examples)
                {
                    yield return new TestCaseData(code, args).SetArgDisplayNames(command, $"{code}: {meaning}", string.Join(' ', args.Where(a => !a.StartsWith('/'))));
                }
            }
        }
    }

    [TestCaseSource(nameof(ExitCodeExamples))]
    public void Each_exit_code_help_lists_is_the_one_the_command_returns(int code, string[] args) =>
        Assert.That(Run(args).Exit, Is.EqualTo(code));

    [Test]
    public void A_stack_file_name_reads_that_stack_from_the_current_folder()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());

        AssertShowsStackQa(BuiltProgram.InFolder(folder, () => Run("Pulumi.qa.yaml")));
    }

    [Test]
    public void A_stack_file_path_reads_the_project_in_that_file_s_folder()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());

        AssertShowsStackQa(Run(Path.Combine(folder, "Pulumi.qa.yaml")));
    }

    [Test]
    public void A_stack_file_in_one_folder_and_dir_naming_another_are_refused()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        var file = Path.Combine(folder, "Pulumi.qa.yaml");

        var (exit, output, error) = Run(file, "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Is.EqualTo($"{file} is in {folder}, but --dir names {Repository.Root}: give the folder once.{Environment.NewLine}"));
        });
    }

    [Test]
    public void Without_dir_it_finds_Pulumi_yaml_in_a_parent_of_the_current_folder()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        var nested = Directory.CreateDirectory(Path.Combine(folder, "a", "b")).FullName;

        AssertShowsStackQa(BuiltProgram.InFolder(nested, () => Run("qa")));
    }

    private static void AssertShowsStackQa((int Exit, string Output, string Error) run) => Assert.Multiple(() =>
    {
        Assert.That(run.Exit, Is.EqualTo(BlueprintCommand.Success), run.Error);
        Assert.That(run.Output, Does.StartWith("Stack qa of project widget"));
    });

    [Test]
    public void Without_dir_and_without_a_Pulumi_yaml_above_it_says_where_it_looked()
    {
        var empty = Directory.CreateTempSubdirectory("widget-no-project").FullName;
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = empty;
            var (exit, _, error) = Run("qa");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
                Assert.That(error, Is.EqualTo($"Pulumi.yaml not found in {empty}.{Environment.NewLine}"));
            });
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void A_missing_stack_names_the_stacks_that_exist()
    {
        var (exit, output, error) = Run("staging", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Is.EqualTo($"Pulumi.staging.yaml not found in {Repository.Root}; stacks there: dev, prod.{Environment.NewLine}"));
        });
    }

    [Test]
    public void A_folder_with_only_Pulumi_yaml_has_no_stacks()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        File.Delete(Path.Combine(folder, "Pulumi.qa.yaml"));

        var (_, _, error) = Run("qa", "--dir", folder);

        Assert.That(error, Does.EndWith($"stacks there: none.{Environment.NewLine}"));
    }

    [TestCase("name: widget\nconfig:\n  replicas: 3\n", "Pulumi.yaml: config key 'replicas' must declare type, default and description.")]
    [TestCase("name: widget\nconfig:\n  replicas:\n    type: number\n", "Pulumi.yaml: config key 'replicas' has type 'number'; allowed: string, integer, boolean, array.")]
    [TestCase("runtime: dotnet\n", "Pulumi.yaml: 'name' is missing.")]
    [TestCase("- name\n- widget\n", "Pulumi.yaml: the top level must be a mapping of keys.")]
    public void A_broken_Pulumi_yaml_is_reported_and_exits_2(string projectYaml, string message)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), projectYaml);

        var (exit, _, error) = Run("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Is.EqualTo(message + Environment.NewLine));
        });
    }

    [Test]
    public void An_empty_stack_file_takes_every_default_and_reports_the_keys_without_one()
    {
        var folder = Repository.WithStack("qa", "");

        var (exit, _, error) = Run("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.InvalidSettings));
            Assert.That(error, Does.Contain("aws:region").And.Contain("widget:availabilityZones").And.Contain("widget:image"));
        });
    }

    [TestCase("cn-north-1", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/widget:1", "arn:aws-cn:ecr:cn-north-1:123456789012:repository/widget")]
    [TestCase("us-gov-west-1", "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/widget:1", "arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/widget")]
    [TestCase("eu-west-1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/widget:1", "arn:aws:ecr:eu-west-1:123456789012:repository/widget")]
    public void The_image_pull_is_granted_on_the_repository_ARN_of_the_image_partition(string region, string image, string repositoryArn)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(
            ("aws:region", region), ("widget:image", image), ("widget:availabilityZones", $"[{region}a, {region}b]")));

        var (exit, output, error) = RunUnwrapped("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
            Assert.That(output, Does.Contain($"ecr:BatchCheckLayerAvailability   {repositoryArn}"));
        });
    }

    [TestCase("us-east-1", "only arn:aws:iam::127311923021:root may write")]
    [TestCase("ap-southeast-3", "only arn:aws:iam::589379963580:root may write")]
    [TestCase("us-gov-west-1", "only arn:aws-us-gov:iam::048591011584:root may write")]
    [TestCase("eu-central-2", "only logdelivery.elasticloadbalancing.amazonaws.com may write")]
    [TestCase("ap-southeast-5", "only logdelivery.elasticloadbalancing.amazonaws.com may write")]
    public void Access_logs_are_written_by_the_region_ELB_account_before_August_2022_and_by_the_service_principal_after(string region, string writer)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(
            ("aws:region", region),
            ("widget:image", $"123456789012.dkr.ecr.{region}.amazonaws.com/widget:1"),
            ("widget:availabilityZones", $"[{region}a, {region}b]")));

        var (exit, output, error) = Run("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
            Assert.That(output.Replace("\n", " ", StringComparison.Ordinal), Does.Contain($"{writer}, under widget/qa/AWSLogs/123456789012/*"));
        });
    }

    [TestCase("us-east-1", "127311923021")]
    [TestCase("us-east-2", "033677994240")]
    [TestCase("us-west-1", "027434742980")]
    [TestCase("us-west-2", "797873946194")]
    [TestCase("eu-west-1", "156460612806")]
    [TestCase("eu-central-1", "054676820928")]
    [TestCase("ap-northeast-1", "582318560864")]
    [TestCase("ap-southeast-1", "114774131450")]
    [TestCase("ap-southeast-2", "783225319266")]
    [TestCase("sa-east-1", "507241528517")]
    public void The_log_writer_of_an_older_region_is_its_ELB_account(string region, string account) =>
        Assert.That(Rules.ElbLogDelivery.For(region, "aws"), Is.EqualTo(new Rules.PolicyPrincipal("AWS", $"arn:aws:iam::{account}:root")));

    [Test]
    public void The_log_writer_of_a_newer_region_is_the_log_delivery_service() =>
        Assert.That(Rules.ElbLogDelivery.For("ap-southeast-7", "aws"), Is.EqualTo(new Rules.PolicyPrincipal("Service", "logdelivery.elasticloadbalancing.amazonaws.com")));

    [Test]
    public void An_unprotected_stack_says_its_log_bucket_goes_with_it()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:deletionProtection", "false")));

        var (_, output, _) = Run("qa", "--dir", folder);

        Assert.That(output.Replace("\n", " ", StringComparison.Ordinal), Does.Contain("bucket deleted with its logs when the stack is"));
    }

    [Test]
    public void The_ELB_log_delivery_table_holds_the_26_regions_opened_before_August_2022()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rules.ElbLogDelivery.AccountByOlderRegion, Has.Count.EqualTo(26));
            Assert.That(Rules.ElbLogDelivery.AccountByOlderRegion.Values, Has.All.Length.EqualTo(12));
            Assert.That(Rules.ElbLogDelivery.AccountByOlderRegion.Values.Distinct().Count(), Is.EqualTo(26));
        });
    }

    [Test]
    public void A_stack_that_meets_every_recommendation_prints_no_warnings_section()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(
            ("widget:certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"),
            ("widget:logRetentionDays", "365")));

        var (exit, output, error) = RunUnwrapped("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
            Assert.That(output, Does.Not.Contain("Warnings"));
            Assert.That(output.TrimEnd(), Does.EndWith("these are the prices seen on the date above.\n\nSecurity controls: this stack's settings break none, so it waives none (README, Security controls)"), "the controls line closes the blueprint");
        });
    }
}
