using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// What each stack registers, whole, against the files under Expected/; and the component tree:
/// every AWS resource sits under the component that owns its concern.
/// </summary>
public class ResourceTreeTests
{
    /// <summary>prod switched to blue/green with HTTPS from a certificate ARN: the branches neither repository stack takes.</summary>
    private static readonly (string Key, string Value)[] BlueGreenHttps =
    [
        ("deploymentStrategy", "blueGreen"),
        ("requestsPerTarget", "0"),
        ("bakeTimeMinutes", "10"),
        ("domainName", ""),
        ("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"),
        ("cpuArchitecture", "ARM64"),
    ];

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task A_repository_stack_registers_its_expected_resources(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        ExpectedOutput.AssertMatches($"resources-{stack}.json", RegisteredResources.Describe(run));
    }

    [Test]
    public async Task Prod_as_blue_green_with_HTTPS_registers_its_expected_resources()
    {
        var run = await StackRun.RunAsync("prod", BlueGreenHttps);

        ExpectedOutput.AssertMatches("resources-prod-bluegreen-https.json", RegisteredResources.Describe(run));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Every_resource_is_a_child_of_the_component_that_owns_its_concern(string stack)
    {
        var run = await StackRun.RunAsync(stack, BlueGreenHttps);
        var parents = RegisteredResources.ParentTypes(run);

        Assert.Multiple(() =>
        {
            foreach (var resource in run.Registered)
            {
                var type = resource.Type!;
                var expectedParent = type switch
                {
                    _ when type.StartsWith("widget:", StringComparison.Ordinal) => "(the stack)", // no explicit parent: Pulumi puts it under the stack
                    "aws:ec2/vpcEndpoint:VpcEndpoint" => "widget:network:VpcEndpoints",
                    "aws:kms/key:Key" when resource.Name == "widget-logs-key" => "widget:logs:LogKey",
                    "aws:kms/key:Key" when resource.Name == "widget-exec-key" => "widget:service:WidgetService",
                    "aws:kms/key:Key" or "aws:cloudwatch/metricAlarm:MetricAlarm" or "aws:cloudwatch/dashboard:Dashboard" or "aws:budgets/budget:Budget" => "widget:monitoring:Monitoring",
                    _ when type.StartsWith("aws:sns/", StringComparison.Ordinal) => "widget:monitoring:Monitoring",
                    "awsx:ec2:Vpc" or "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" or "aws:ec2/flowLog:FlowLog" => "widget:network:Network",
                    _ when resource.Name!.Contains("flow-log", StringComparison.Ordinal) => "widget:network:Network",
                    _ when type.StartsWith("aws:ec2/securityGroup", StringComparison.Ordinal) || type.StartsWith("aws:vpc/", StringComparison.Ordinal) => "widget:firewall:SecurityGroups",
                    _ when type.StartsWith("aws:lb/", StringComparison.Ordinal) || type.StartsWith("aws:s3/", StringComparison.Ordinal) || type.StartsWith("aws:wafv2/", StringComparison.Ordinal) => "widget:loadbalancer:LoadBalancer",
                    _ => "widget:service:WidgetService",
                };
                var key = RegisteredResources.Key(resource);

                Assert.That(parents.GetValueOrDefault(key, "(the stack)"), Is.EqualTo(expectedParent), key);
            }
        });
    }

    [Test]
    public async Task The_service_waits_for_the_routing_and_the_cluster_capacity_and_leaves_to_AWS_what_AWS_changes()
    {
        var dev = Component<WidgetService>(await StackRun.RunAsync("dev"));
        var prod = Component<WidgetService>(await StackRun.RunAsync("prod"));
        var blueGreen = Component<WidgetService>(await StackRun.RunAsync("prod", BlueGreenHttps));

        Assert.Multiple(() =>
        {
            Assert.That(RegisteredResources.Names(dev.ServiceOptions.DependsOn), Is.EquivalentTo(Alarms("dev", "widget-tasks", "widget-alternate").Append("widget-http").Append("widget-production").Append("widget-cluster-capacity")));
            Assert.That(RegisteredResources.Names(prod.ServiceOptions.DependsOn), Is.EquivalentTo(Alarms("prod", "widget-tasks", "widget-alternate").Append("widget-https").Append("widget-http").Append("widget-production").Append("widget-cluster-capacity")));
            Assert.That(
                RegisteredResources.Names(blueGreen.ServiceOptions.DependsOn),
                Is.EquivalentTo(Alarms("prod", "widget-tasks", "widget-alternate").Concat(["widget-http", "widget-https", "widget-production", "widget-cluster-capacity"])));
            Assert.That(dev.ServiceOptions.IgnoreChanges, Is.EquivalentTo(new[] { "loadBalancers[0].targetGroupArn" }));
            Assert.That(prod.ServiceOptions.IgnoreChanges, Is.EquivalentTo(new[] { "desiredCount", "loadBalancers[0].targetGroupArn" }));
            Assert.That(
                blueGreen.ServiceOptions.IgnoreChanges,
                Is.EquivalentTo(new[] { "desiredCount", "loadBalancers[0].targetGroupArn", "loadBalancers[0].advancedConfiguration.alternateTargetGroupArn" }));
            Assert.That(prod.ServiceOptions.Parent, Is.SameAs(prod));
        });
    }

    [Test]
    public async Task The_production_rule_leaves_its_weights_to_ECS()
    {
        var loadBalancer = Component<LoadBalancer>(await StackRun.RunAsync("prod", BlueGreenHttps));

        Assert.Multiple(() =>
        {
            Assert.That(loadBalancer.ProductionRuleOptions?.IgnoreChanges, Is.EquivalentTo(new[] { "actions" }));
            Assert.That(loadBalancer.ProductionRuleOptions?.Parent, Is.SameAs(loadBalancer));
        });
    }

    private static T Component<T>(StackRun run) => run.Resources.OfType<T>().Single();

    /// <summary>The alarm names of a stack whose load balancer has <paramref name="groups"/>.</summary>
    private static string[] Alarms(string stack, params string[] groups) =>
        [.. groups.SelectMany(g => new[] { $"widget-{stack}-{g}-5xx", $"widget-{stack}-{g}-unhealthy" }), $"widget-{stack}-alb-5xx"];
}
