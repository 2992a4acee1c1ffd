using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// The accepted side of each bound: the last value that passes next to the first that fails, so
/// that an off-by-one in a rule fails a test either way.
/// </summary>
public class AcceptedEdgeTests
{
    // A /21 VPC has /24 private subnets: 256 - 5 reserved = 251 usable addresses each.
    private static readonly (string, string?)[] SmallestVpc = [("widget:vpcCidr", "10.0.0.0/21"), ("widget:minHealthyPercent", "50"), ("widget:maxPercent", "100")];

    // Over 3 zones a zone loss leaves 2 subnets of 251: a peak of 502 tasks fits, 503 does not.
    [TestCase(502, true)]
    [TestCase(503, false)]
    public void A_smallest_VPC_over_three_zones_holds_a_rolling_peak_of_502_tasks(int replicas, bool accepted) =>
        AssertVerdict(accepted, [.. SmallestVpc, ("widget:replicas", $"{replicas}")]);

    // Over 2 zones a zone loss leaves 1 subnet of 251.
    [TestCase(251, true)]
    [TestCase(252, false)]
    public void A_smallest_VPC_over_two_zones_holds_a_rolling_peak_of_251_tasks(int replicas, bool accepted) =>
        AssertVerdict(accepted, [.. SmallestVpc, ("widget:availabilityZones", "[us-east-1a, us-east-1b]"), ("widget:replicas", $"{replicas}")]);

    // maxPercent 200 doubles the peak: 251 replicas peak at 502.
    [TestCase(251, true)]
    [TestCase(252, false)]
    public void The_rolling_peak_is_the_replicas_times_maxPercent(int replicas, bool accepted) =>
        AssertVerdict(accepted, ("widget:vpcCidr", "10.0.0.0/21"), ("widget:minHealthyPercent", "50"), ("widget:maxPercent", "200"), ("widget:replicas", $"{replicas}"));

    // The autoscaling ceiling, not the starting count, sets the peak.
    [TestCase(502, true)]
    [TestCase(503, false)]
    public void The_autoscaling_ceiling_sets_the_peak(int maxReplicas, bool accepted) =>
        AssertVerdict(accepted, [.. SmallestVpc, ("widget:replicas", "3"), ("widget:autoscaling", "true"), ("widget:minReplicas", "2"), ("widget:maxReplicas", $"{maxReplicas}")]);

    // Blue/green runs both versions at full size: 251 replicas peak at 502.
    [TestCase(251, true)]
    [TestCase(252, false)]
    public void Blue_green_doubles_the_peak(int replicas, bool accepted) =>
        AssertVerdict(accepted, ("widget:vpcCidr", "10.0.0.0/21"), ("widget:deploymentStrategy", "blueGreen"), ("widget:replicas", $"{replicas}"));

    [TestCase("10.0.0.0/16", true)]
    [TestCase("10.0.0.0/21", true)]
    [TestCase("10.0.0.0/22", false)]
    [TestCase("10.0.0.0/15", false)]
    public void The_VPC_prefix_is_16_to_21(string cidr, bool accepted) =>
        AssertVerdict(accepted, ("widget:vpcCidr", cidr));

    [TestCase("[us-east-1a, us-east-1b]", true)]
    [TestCase("[us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f]", true)]
    public void Two_to_six_zones_are_accepted(string zones, bool accepted) =>
        AssertVerdict(accepted, ("widget:availabilityZones", zones));

    [Test]
    public void Autoscaling_bounds_may_equal_the_replicas() =>
        AssertVerdict(true, ("widget:replicas", "4"), ("widget:autoscaling", "true"), ("widget:minReplicas", "4"), ("widget:maxReplicas", "4"));

    [Test]
    public void Autoscaling_bounds_are_not_checked_while_autoscaling_is_off() =>
        AssertVerdict(true, ("widget:replicas", "4"), ("widget:autoscaling", "false"), ("widget:minReplicas", "8"), ("widget:maxReplicas", "2"));

    [Test]
    public void Blue_green_accepts_the_percents_that_would_stall_a_rolling_deploy() =>
        AssertVerdict(true, ("widget:deploymentStrategy", "blueGreen"), ("widget:minHealthyPercent", "100"), ("widget:maxPercent", "100"));

    [TestCase("widget:healthCheckIntervalSeconds", "5", "widget:healthCheckTimeoutSeconds", "4")]
    [TestCase("widget:healthCheckIntervalSeconds", "300", "widget:healthCheckTimeoutSeconds", "120")]
    [TestCase("widget:healthyThreshold", "10", "widget:unhealthyThreshold", "2")]
    [TestCase("widget:deregistrationDelaySeconds", "0", "widget:healthyThreshold", "2")]
    [TestCase("widget:deploymentStrategy", "blueGreen", "widget:bakeTimeMinutes", "1440")]
    [TestCase("widget:deploymentStrategy", "linear", "widget:linearStepPercent", "3.0")]
    [TestCase("widget:deploymentStrategy", "linear", "widget:linearStepPercent", "100.0")]
    [TestCase("widget:deploymentStrategy", "linear", "widget:linearStepBakeMinutes", "1440")]
    [TestCase("widget:deploymentStrategy", "canary", "widget:canaryPercent", "0.1")]
    [TestCase("widget:deploymentStrategy", "canary", "widget:canaryPercent", "100")]
    [TestCase("widget:deploymentStrategy", "canary", "widget:canaryBakeMinutes", "0")]
    [TestCase("widget:containerPort", "65535", "widget:cpuTargetPercent", "90")]
    [TestCase("widget:containerPort", "1", "widget:cpuTargetPercent", "10")]
    [TestCase("widget:replicas", "1000", "widget:healthCheckGracePeriodSeconds", "7200")]
    public void The_ends_of_each_range_are_accepted(string key, string value, string otherKey, string otherValue) =>
        AssertVerdict(true, (key, value), (otherKey, otherValue));

    [TestCase("example.com")]
    [TestCase("widgets.example.com")]
    [TestCase("Widgets.Example.COM")]
    [TestCase("a.b-c.widgets.example.com")]
    public void A_domain_is_the_zone_apex_or_any_name_under_it(string domain)
    {
        var design = Design(("widget:domainName", domain), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com"));

        Assert.Multiple(() =>
        {
            Assert.That(design.LoadBalancer.Domain, Is.EqualTo(new DomainDesign(domain.ToLowerInvariant(), "Z0123456789EXAMPLE", "example.com")));
            Assert.That(design.LoadBalancer.TrafficListener.Protocol, Is.EqualTo("HTTPS"));
            Assert.That(design.Warnings, Has.None.Contains("HTTP only"));
        });
    }

    [Test]
    public void A_health_path_of_1024_characters_is_accepted() =>
        AssertVerdict(true, ("widget:healthCheckPath", "/" + new string('a', 1023)));

    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("TRUE", true)]
    [TestCase("false", false)]
    [TestCase("False", false)]
    [TestCase("FALSE", false)]
    public void Booleans_are_read_in_the_three_spellings_YAML_and_pulumi_config_set_write(string written, bool read)
    {
        var design = Design(("widget:spot", written));

        Assert.That(design.Service.OnSpot, Is.EqualTo(read));
    }

    [Test]
    public void ARM64_reaches_the_task_definition()
    {
        var design = Design(("widget:cpuArchitecture", "ARM64"));

        Assert.That(design.Service.Task.Architecture, Is.EqualTo(CpuArchitecture.ARM64));
    }

    [Test]
    public void The_Fargate_table_is_the_one_AWS_documents()
    {
        // aws-facts: 256 -> 512, 1024, 2048; then from..to in steps, per CPU size.
        var expected = new Dictionary<int, int[]>
        {
            [256] = [512, 1024, 2048],
            [512] = Range(1024, 4096, 1024),
            [1024] = Range(2048, 8192, 1024),
            [2048] = Range(4096, 16384, 1024),
            [4096] = Range(8192, 30720, 1024),
            [8192] = Range(16384, 61440, 4096),
            [16384] = Range(32768, 122880, 8192),
        };

        Assert.Multiple(() =>
        {
            Assert.That(FargateTaskSizes.MemoryMiBByCpu.Keys, Is.EqualTo(expected.Keys));
            foreach (var (cpu, memory) in expected)
            {
                Assert.That(FargateTaskSizes.MemoryMiBByCpu[cpu], Is.EqualTo(memory), $"cpu {cpu}");
            }

            Assert.That(expected.Values.Sum(m => m.Length), Is.EqualTo(74));
        });
    }

    [TestCase(256, 512, true)]
    [TestCase(16384, 122880, true)]
    [TestCase(16384, 131072, false)]
    [TestCase(256, 256, false)]
    public void The_settings_reader_takes_the_extremes_of_the_Fargate_table(int cpu, int memory, bool accepted) =>
        AssertVerdict(accepted, ("widget:cpu", $"{cpu}"), ("widget:memoryMiB", $"{memory}"));

    private static int[] Range(int from, int to, int step) =>
        [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step))];

    private static WidgetDesign Design(params (string Key, string? Value)[] changes) =>
        WidgetDesign.From(SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", ValidStack.Yaml(changes)), "qa")));

    private static void AssertVerdict(bool accepted, params (string Key, string? Value)[] changes)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(changes));
        if (accepted)
        {
            Assert.DoesNotThrow(() => SettingsReader.Read(StackFile.Load(folder, "qa")));
        }
        else
        {
            Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));
        }
    }
}
