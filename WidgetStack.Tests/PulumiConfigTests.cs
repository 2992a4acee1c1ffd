using System.Text.Json;
using Pulumi.Utilities;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>How the program reads the engine's config map, and what it gives back as stack outputs.</summary>
public class PulumiConfigTests
{
    [Test]
    public async Task A_misspelt_key_from_the_engine_is_rejected_with_the_nearest_key()
    {
        var message = await StackRun.RejectionAsync("prod", ("replica", "5"));

        Assert.That(message, Does.Contain("widget:replica").And.Contain("did you mean widget:replicas?"));
    }

    [Test]
    public async Task Keys_in_the_older_project_config_key_form_are_read_too()
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []))!;
        var older = map.ToDictionary(pair => pair.Key.StartsWith("widget:", StringComparison.Ordinal) ? pair.Key.Replace("widget:", "widget:config:", StringComparison.Ordinal) : pair.Key, pair => pair.Value);
        older["widget:config:replicas"] = "4";

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", JsonSerializer.Serialize(older));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(run.Single("aws:ecs/service:Service").Number("desiredCount"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task The_stack_outputs_the_url_names_and_network_ids()
    {
        var run = await StackRun.RunAsync("prod");
        var stack = run.Resources.OfType<WidgetStackRoot>().Single();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await OutputUtilities.GetValueAsync(stack.Url), Is.EqualTo("http://widget-alb.elb.example"));
            Assert.That(await OutputUtilities.GetValueAsync(stack.ServiceName), Is.EqualTo("WidgetService"));
            Assert.That(await OutputUtilities.GetValueAsync(stack.ClusterName), Is.EqualTo("widget-cluster"));
            Assert.That(await OutputUtilities.GetValueAsync(stack.VpcId), Is.EqualTo(StackRun.IdOf("widget-network-vpc")));
            Assert.That(await OutputUtilities.GetValueAsync(stack.PrivateSubnetIds), Is.EqualTo(new[] { "subnet-private-0", "subnet-private-1", "subnet-private-2" }));
            Assert.That(await OutputUtilities.GetValueAsync(stack.PublicSubnetIds), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task A_service_takes_at_most_16_subnets_and_5_security_groups()
    {
        var run = await StackRun.RunAsync("prod");
        var service = run.Single("aws:ecs/service:Service");

        Assert.Multiple(() =>
        {
            Assert.That(service.List("networkConfiguration", "subnets"), Has.Length.InRange(2, 16));
            Assert.That(service.List("networkConfiguration", "securityGroups"), Has.Length.InRange(1, 5));
        });
    }
}
