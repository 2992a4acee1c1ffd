using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Controls;
using WidgetStack.Blueprint.Report;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// A waiver follows the setting that breaks the control, whatever the stack is called: the
/// blueprint's controls section lists what the stack's own settings waive, and what they break
/// that no waiver covers.
/// </summary>
public class WaiverTests
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";

    [Test]
    public void Dev_with_a_certificate_no_longer_waives_ELB_1_and_keeps_its_other_waivers()
    {
        var folder = Repository.WithAllStacks();
        File.AppendAllText(Path.Combine(folder, "Pulumi.dev.yaml"), $"  widget:certificateArn: {Certificate}\n");

        var controls = ControlsOf(BlueprintRun.Run("dev", "--dir", folder).Output);

        Assert.Multiple(() =>
        {
            Assert.That(controls, Does.Not.Contain("ELB.1:"));
            Assert.That(controls, Does.Contain("ELB.5: widget:accessLogs = false"));
        });
    }

    [Test]
    public void A_staging_stack_copied_from_dev_waives_what_dev_waives_for_the_same_settings()
    {
        var folder = Repository.WithAllStacks();
        File.Copy(Path.Combine(folder, "Pulumi.dev.yaml"), Path.Combine(folder, "Pulumi.staging.yaml"));

        var staging = ControlsOf(BlueprintRun.Run("staging", "--dir", folder).Output);
        var dev = ControlsOf(BlueprintRun.Run("dev", "--dir", folder).Output);

        Assert.Multiple(() =>
        {
            Assert.That(staging, Is.EqualTo(dev));
            Assert.That(staging.Split('\n').Count(line => line.StartsWith("  - ", StringComparison.Ordinal)), Is.EqualTo(8));
            Assert.That(staging, Does.Not.Contain("waives none").And.Not.Match(@"\bdev\b"));
        });
    }

    [Test]
    public void Each_waiver_of_dev_names_the_setting_that_grants_it()
    {
        var waivers = Waivers.For(Settings("dev"));

        Assert.That(waivers.Select(w => $"{w.ControlId} {w.Setting}"), Is.EqualTo(new[]
        {
            "ELB.1 widget:certificateArn and widget:domainName empty",
            "ELB.5 widget:accessLogs = false",
            "ELB.6 widget:deletionProtection = false",
            "ELB.16 widget:waf = false",
            "EC2.6 widget:flowLogs = false",
            "EC2.55 widget:vpcEndpoints = false",
            "EC2.56 widget:vpcEndpoints = false",
            "CloudWatch.16 widget:logRetentionDays = 7",
        }));
    }

    [Test]
    public void Prod_s_settings_break_no_control()
    {
        Assert.That(Waivers.For(Settings("prod")), Is.Empty);
    }

    [Test]
    public void A_control_a_setting_breaks_without_a_waiver_is_printed_as_failed()
    {
        var causes = new List<ControlCause>(Waivers.Causes)
        {
            new("ELB.5", s => !s.LoadBalancer.AccessLogs, _ => "widget:accessLogs = false", Reason: null),
        };
        causes.RemoveAt(causes.FindIndex(c => c.ControlId == "ELB.5"));

        var text = TextReport.RenderControls(Settings("dev"), causes);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Security controls this stack FAILS: its settings break them and no waiver covers them (README, Security controls)\n  - ELB.5: widget:accessLogs = false\n"));
            Assert.That(text, Does.Contain("Security controls this stack's settings waive").And.Contain("  - ELB.16: widget:waf = false"));
            Assert.That(Waivers.For(Settings("dev"), causes).Select(w => w.ControlId), Does.Not.Contain("ELB.5"));
        });
    }

    private static WidgetSettings Settings(string stack) => SettingsReader.Read(StackFile.Load(Repository.Root, stack));

    private static string ControlsOf(string blueprint)
    {
        var start = blueprint.IndexOf("Security controls", StringComparison.Ordinal);
        var end = blueprint.IndexOf("\nWarnings", start, StringComparison.Ordinal);
        return blueprint[start..(end < 0 ? blueprint.Length : end)].Trim();
    }
}
