using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;
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
            Assert.That(await OutputUtilities.GetValueAsync(stack.Url), Is.EqualTo("https://widgets.example.com"));
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

    [Test]
    public async Task Each_component_registers_its_outputs_with_the_engine()
    {
        var run = await StackRun.RunAsync("prod");
        var registered = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var request in run.ComponentOutputs.Where(r => r.Urn.Contains("$widget:", StringComparison.Ordinal)))
        {
            var values = new Dictionary<string, object?>();
            foreach (var (key, output) in request.Outputs)
            {
                values[key] = await OutputUtilities.GetValueAsync(output);
            }

            registered[request.Urn.Split("::")[2].Split('$')[^1]] = values;
        }

        Assert.Multiple(() =>
        {
            Assert.That(registered.Keys, Is.EquivalentTo(new[] { "widget:network:Network", "widget:firewall:SecurityGroups", "widget:network:VpcEndpoints", "widget:loadbalancer:LoadBalancer", "widget:service:WidgetService", "widget:logs:LogKey", "widget:monitoring:Monitoring" }));
            Assert.That(registered["widget:network:Network"]["vpcId"], Is.EqualTo(StackRun.IdOf("widget-network-vpc")));
            Assert.That(registered["widget:network:Network"]["publicSubnetIds"], Is.EqualTo(new[] { "subnet-public-0", "subnet-public-1", "subnet-public-2" }));
            Assert.That(registered["widget:network:Network"]["privateSubnetIds"], Is.EqualTo(new[] { "subnet-private-0", "subnet-private-1", "subnet-private-2" }));
            Assert.That(registered["widget:firewall:SecurityGroups"]["loadBalancerGroupId"], Is.EqualTo(StackRun.IdOf("widget-alb")));
            Assert.That(registered["widget:firewall:SecurityGroups"]["taskGroupId"], Is.EqualTo(StackRun.IdOf("widget-tasks")));
            Assert.That(registered["widget:loadbalancer:LoadBalancer"]["dnsName"], Is.EqualTo("widget-alb.elb.example"));
            Assert.That(registered["widget:service:WidgetService"]["clusterName"], Is.EqualTo("widget-cluster"));
            Assert.That(registered["widget:service:WidgetService"]["serviceName"], Is.EqualTo("WidgetService"));
        });
    }

    [Test]
    public async Task Without_a_certificate_or_domain_the_url_is_the_load_balancer_over_http()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.That(await OutputUtilities.GetValueAsync(run.Resources.OfType<WidgetStackRoot>().Single().Url), Is.EqualTo("http://widget-alb.elb.example"));
    }

    [Test]
    public async Task With_a_certificate_the_url_is_https()
    {
        var run = await StackRun.RunAsync("prod", ("domainName", ""), ("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"));

        Assert.That(await OutputUtilities.GetValueAsync(run.Resources.OfType<WidgetStackRoot>().Single().Url), Is.EqualTo("https://widget-alb.elb.example"));
    }

    [Test]
    public async Task Without_a_config_map_the_stack_is_refused_for_its_required_keys()
    {
        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", configJson: null);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<RunException>());
            Assert.That(error!.Message, Does.Contain("aws:region").And.Contain("widget:image").And.Contain("widget:availabilityZones"));
            Assert.That(run.Registered.Where(r => r.Type != "pulumi:pulumi:Stack"), Is.Empty);
        });
    }

    [Test]
    public async Task A_number_or_boolean_in_the_config_map_is_read_as_its_text()
    {
        var map = JsonNode.Parse(StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []))!.AsObject();
        map["widget:replicas"] = 4;
        map["widget:spot"] = true;

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", map.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(run.Single("aws:ecs/service:Service").Number("desiredCount"), Is.EqualTo(4));
            Assert.That(run.OfType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_list_where_a_number_goes_and_zones_that_are_not_a_list_are_refused_as_written()
    {
        var message = await StackRun.RejectionAsync("prod", ("replicas", "[3]"), ("availabilityZones", "us-east-1a"));

        Assert.That(message, Does.Contain("widget:replicas = '[3]'").And.Contain("widget:availabilityZones = 'us-east-1a'"));
    }

    [Test]
    public async Task A_key_of_another_namespace_from_the_engine_is_refused_as_the_blueprint_refuses_it()
    {
        var map = JsonNode.Parse(StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []))!.AsObject();
        map["wdget:waf"] = "false";
        map["replicas"] = "1";
        map["aws:regoin"] = "us-east-1";

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", map.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<RunException>());
            Assert.That(error!.Message, Does.Contain("wdget:waf = 'false': unknown key (did you mean widget:waf?)")
                .And.Contain("replicas = '1': a key without a namespace, which Pulumi refuses (did you mean widget:replicas?)")
                .And.Contain("aws:regoin = 'us-east-1': unknown key (did you mean aws:region?)"));
            Assert.That(run.Registered.Where(r => r.Type != "pulumi:pulumi:Stack"), Is.Empty);
        });
    }

    [Test]
    public async Task The_AWS_provider_s_keys_and_a_list_as_JSON_text_from_the_engine_pass()
    {
        var map = JsonNode.Parse(StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []))!.AsObject();
        map["aws:profile"] = "ops";
        map["aws:defaultTags"] = """{"tags":{"team":"widgets"}}""";
        map["aws:skipCredentialsValidation"] = "true";

        var (_, error) = await StackRun.TryRunWithConfigAsync("prod", map.ToJsonString());

        Assert.That(error, Is.Null);
    }

    [Test]
    public void The_AWS_provider_keys_the_blueprint_accepts_are_the_config_keys_of_the_Pulumi_Aws_package_the_program_builds_with()
    {
        var package = typeof(Pulumi.Aws.Config).Assembly;
        var keys = typeof(Pulumi.Aws.Config).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

        Assert.Multiple(() =>
        {
            Assert.That(ProviderKeys.Aws.Keys, Is.EquivalentTo(keys));
            Assert.That(ProviderKeys.Aws.Package, Does.StartWith($"Pulumi.Aws {package.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]} "));
        });
    }
}
