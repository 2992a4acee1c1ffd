using System.Text;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Controls;
using WidgetStack.Blueprint.Settings;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// The security controls catalogue run over what each stack registers: on the mock runtime, plus
/// the subnets awsx registers under its VPC with the program's transforms applied (<see cref="AwsxSubnets"/>).
/// No control may fail, prod passes every one without a waiver, the waivers a stack's settings grant
/// are exactly the controls those settings break, and the README shows the same table.
/// </summary>
public class ControlsTests
{
    [TestCase("dev")]
    [TestCase("prod")]
    public async Task No_control_fails(string stack)
    {
        var results = await EvaluateAsync(stack);
        var report = ControlEvaluator.Describe(stack, results);
        await TestContext.Out.WriteLineAsync(report);

        Assert.That(results.Where(r => r.Status == ControlStatus.Fail).Select(r => r.Control.Id), Is.Empty, report);
    }

    [Test]
    public async Task Prod_passes_every_control_of_the_catalogue_without_a_waiver()
    {
        var results = await EvaluateAsync("prod");

        Assert.That(results.Where(r => r.Status != ControlStatus.Pass).Select(r => $"{r.Control.Id}: {r.Status}"), Is.Empty);
    }

    [Test]
    public async Task Without_the_VPC_transform_the_public_subnets_awsx_builds_fail_EC2_15()
    {
        var run = await StackRun.RunAsync("prod");
        var untransformed = await AwsxSubnets.TransformedAsync(run.Single("awsx:ec2:Vpc"), []);

        var failed = ControlEvaluator.Evaluate(Waivers.For(Settings("prod")), [.. OnTheMocks(run), .. untransformed]).Where(r => r.Status == ControlStatus.Fail).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(r => r.Control.Id), Is.EqualTo(new[] { "EC2.15" }));
            Assert.That(failed.SelectMany(r => r.Offenders), Is.EqualTo(new[] { "widget-network-vpc-public-1", "widget-network-vpc-public-2", "widget-network-vpc-public-3" }));
        });
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Every_waiver_of_a_stack_covers_a_control_that_stack_breaks(string stack)
    {
        var waived = (await EvaluateAsync(stack)).Where(r => r.Status == ControlStatus.Waived).Select(r => r.Control.Id);

        Assert.That(waived, Is.EquivalentTo(Waivers.For(Settings(stack)).Select(w => w.ControlId)), "a waiver that covers nothing is stale");
    }

    [TestCase("dev")]
    [TestCase("prod")]
    [TestCase("dev", "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012")]
    [TestCase("dev", "logRetentionDays", "365")]
    [TestCase("prod", "waf", "false")]
    [TestCase("prod", "vpcEndpoints", "false")]
    public async Task The_controls_a_stack_s_settings_break_are_the_controls_its_resources_break(string stack, params string[] change)
    {
        var overrides = change.Length == 0 ? [] : new[] { (change[0], change[1]) };
        var run = await StackRun.RunAsync(stack, overrides);

        var broken = ControlEvaluator.Evaluate([], await AsTheEngineRegistersAsync(run)).Where(r => r.Status == ControlStatus.Fail).Select(r => r.Control.Id);

        Assert.That(broken, Is.EquivalentTo(Waivers.Causes.Where(c => c.Breaks(Settings(stack, overrides))).Select(c => c.ControlId)));
    }

    [Test]
    public async Task Prod_without_access_logs_or_deletion_protection_breaks_ELB_5_and_ELB_6_naming_the_load_balancer_and_its_settings_waive_them()
    {
        var run = await StackRun.RunAsync("prod", ("accessLogs", "false"), ("deletionProtection", "false"));
        var resources = await AsTheEngineRegistersAsync(run);

        var failed = ControlEvaluator.Evaluate([], resources).Where(r => r.Status == ControlStatus.Fail).ToList();
        var waived = ControlEvaluator.Evaluate(Waivers.For(Settings("prod", ("accessLogs", "false"), ("deletionProtection", "false"))), resources).Where(r => r.Status == ControlStatus.Waived);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(r => r.Control.Id), Is.EqualTo(new[] { "ELB.5", "ELB.6" }));
            Assert.That(failed.SelectMany(r => r.Offenders).Distinct(), Is.EqualTo(new[] { "widget-alb" }));
            Assert.That(waived.Select(r => r.Control.Id), Is.EqualTo(new[] { "ELB.5", "ELB.6" }));
        });
    }

    [Test]
    public async Task The_README_shows_the_controls_table_of_both_stacks()
    {
        var table = Table(await EvaluateAsync("dev"), await EvaluateAsync("prod"));
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));

        Assert.That(readme, Does.Contain(table), "README.md's security controls table should read:\n" + table);
    }

    private static async Task<IReadOnlyList<ControlResult>> EvaluateAsync(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        return ControlEvaluator.Evaluate(Waivers.For(Settings(stack)), await AsTheEngineRegistersAsync(run));
    }

    /// <summary>The settings of a stack file, with <paramref name="overrides"/> (widget keys) replacing its values, as <see cref="StackRun"/> runs it.</summary>
    private static WidgetSettings Settings(string stack, params (string Key, string Value)[] overrides)
    {
        var config = StackFile.Load(Repository.Root, stack);
        return SettingsReader.Read(config with
        {
            Values = [.. overrides.Select(o => KeyValuePair.Create(o.Key, (ConfigValue)new ConfigValue.Scalar(o.Value))), .. config.Values],
        });
    }

    private static List<RegisteredResource> OnTheMocks(StackRun run) =>
        [.. run.Registered.Select(r => new RegisteredResource(r.Type!, r.Name!, r.Inputs))];

    private static async Task<List<RegisteredResource>> AsTheEngineRegistersAsync(StackRun run) =>
        [.. OnTheMocks(run), .. await AwsxSubnets.RegisteredAsync(run)];

    private static string Table(IReadOnlyList<ControlResult> dev, IReadOnlyList<ControlResult> prod)
    {
        static string Status(ControlResult r) => r.Status switch
        {
            ControlStatus.Pass => "pass",
            ControlStatus.Waived => "waived",
            ControlStatus.NotApplicable => "n/a",
            _ => "FAIL",
        };

        var table = new StringBuilder("| Control | Title | How it is decided | dev | prod | Waiver reason |\n|---|---|---|---|---|---|\n");
        foreach (var (d, p) in dev.Zip(prod))
        {
            var reason = (d.Waiver?.ToString(), p.Waiver?.ToString()) switch
            {
                (null, null) => "",
                ({ } both, { } same) when both == same => $"dev, prod: {both}",
                var (devReason, prodReason) => string.Join("; ", new[] { devReason is null ? null : $"dev: {devReason}", prodReason is null ? null : $"prod: {prodReason}" }.OfType<string>()),
            };
            table.Append($"| {d.Control.Id} | {d.Control.Title} | {d.Control.Rule} | {Status(d)} | {Status(p)} | {reason} |\n");
        }

        return table.ToString();
    }
}
