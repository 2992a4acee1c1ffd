using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>Linear and canary releases, the test listener and ECS Exec, as they reach the mock runtime.</summary>
public class ReleaseStrategyTests
{
    private const string Service = "aws:ecs/service:Service";

    private static readonly (string, string)[] Linear = [("deploymentStrategy", "linear"), ("requestsPerTarget", "0"), ("linearStepPercent", "10.0"), ("linearStepBakeMinutes", "2")];

    [Test]
    public async Task Prod_as_linear_shifts_10_percent_every_2_minutes_through_the_shared_load_balancer_pieces()
    {
        var run = await StackRun.RunAsync("prod", Linear);
        var service = run.Single(Service);
        var advanced = Inputs.Map(Inputs.Map(service.List("loadBalancers").Single())["advancedConfiguration"]);

        Assert.Multiple(() =>
        {
            Assert.That(service.Text("deploymentConfiguration", "strategy"), Is.EqualTo("LINEAR"));
            Assert.That(service.At("deploymentConfiguration", "linearConfiguration", "stepPercent"), Is.EqualTo(10.0));
            Assert.That(service.Text("deploymentConfiguration", "linearConfiguration", "stepBakeTimeInMinutes"), Is.EqualTo("2"));
            Assert.That(service.Text("deploymentConfiguration", "bakeTimeInMinutes"), Is.EqualTo("5"));
            Assert.That(service.At("deploymentConfiguration", "canaryConfiguration"), Is.Null);
            Assert.That(advanced["alternateTargetGroupArn"], Is.EqualTo(MockArns.For("aws:lb/targetGroup:TargetGroup", "widget-alternate")));
            Assert.That(advanced["productionListenerRule"], Is.EqualTo(MockArns.For("aws:lb/listenerRule:ListenerRule", "widget-production")));
            Assert.That(advanced["roleArn"], Is.EqualTo(MockArns.For("aws:iam/role:Role", "widget-ecs-infra")));
            Assert.That(run.Single("aws:iam/rolePolicyAttachment:RolePolicyAttachment").Text("policyArn"), Is.EqualTo("arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"));
        });
    }

    [Test]
    public async Task Prod_as_canary_sends_5_percent_for_10_minutes_then_the_rest()
    {
        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", "canary"), ("requestsPerTarget", "0"), ("canaryPercent", "5.0"), ("canaryBakeMinutes", "10"));
        var service = run.Single(Service);

        Assert.Multiple(() =>
        {
            Assert.That(service.Text("deploymentConfiguration", "strategy"), Is.EqualTo("CANARY"));
            Assert.That(service.At("deploymentConfiguration", "canaryConfiguration", "canaryPercent"), Is.EqualTo(5.0));
            Assert.That(service.Text("deploymentConfiguration", "canaryConfiguration", "canaryBakeTimeInMinutes"), Is.EqualTo("10"));
            Assert.That(service.At("deploymentConfiguration", "linearConfiguration"), Is.Null);
            Assert.That(run.OfType("aws:iam/role:Role").Select(r => r.Name), Does.Contain("widget-ecs-infra"));
        });
    }

    [Test]
    public async Task A_test_listener_takes_its_own_port_from_the_given_networks_only_and_ECS_gets_its_rule()
    {
        var run = await StackRun.RunAsync("prod", [.. Linear, ("testListenerPort", "8443"), ("testListenerCidrs", "[\"203.0.113.0/24\",\"198.51.100.7/32\"]")]);
        var listener = run.OfType("aws:lb/listener:Listener").Single(l => l.Number("port") == 8443);
        var advanced = Inputs.Map(Inputs.Map(run.Single(Service).List("loadBalancers").Single())["advancedConfiguration"]);
        var ingress = run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Where(r => r.Number("fromPort") == 8443).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(listener.Text("protocol"), Is.EqualTo("HTTP"));
            Assert.That(run.Single("aws:lb/listenerRule:ListenerRule", "widget-test-rule").Text("listenerArn"), Is.EqualTo(MockArns.For("aws:lb/listener:Listener", "widget-test")));
            Assert.That(advanced["testListenerRule"], Is.EqualTo(MockArns.For("aws:lb/listenerRule:ListenerRule", "widget-test-rule")));
            Assert.That(ingress.Select(r => r.Text("cidrIpv4")), Is.EquivalentTo(new[] { "203.0.113.0/24", "198.51.100.7/32" }));
            Assert.That(ingress.Select(r => r.Text("description")), Has.All.StartsWith("ECS test traffic to the new version, from "));
            Assert.That(run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Where(r => r.Text("cidrIpv4") == "0.0.0.0/0").Select(r => r.Number("fromPort")), Has.None.EqualTo(8443));
        });
    }

    [Test]
    public async Task Dev_with_ECS_Exec_logs_and_encrypts_sessions_and_keeps_the_root_read_only()
    {
        var run = await StackRun.RunAsync("dev");
        var service = run.Single(Service);
        var exec = Inputs.Map(run.Single("aws:ecs/cluster:Cluster").At("configuration", "executeCommandConfiguration"));
        var task = run.Single("aws:ecs/taskDefinition:TaskDefinition");
        var container = JsonNode.Parse(task.Text("containerDefinitions")!)![0]!;
        var policy = JsonNode.Parse(run.Single("aws:iam/rolePolicy:RolePolicy", "widget-task-policy").Text("policy")!)!["Statement"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(service.At("enableExecuteCommand"), Is.True);
            Assert.That(exec["kmsKeyId"], Is.EqualTo(MockArns.For("aws:kms/key:Key", "widget-exec-key")));
            Assert.That(exec["logging"], Is.EqualTo("OVERRIDE"));
            Assert.That(Inputs.Map(exec["logConfiguration"])["cloudWatchLogGroupName"], Is.EqualTo("/ecs/widget/dev/exec"));
            Assert.That(container["readonlyRootFilesystem"]!.GetValue<bool>(), Is.True);
            Assert.That(container["mountPoints"]!.AsArray().Select(m => m!["containerPath"]!.GetValue<string>()), Is.EqualTo(new[] { "/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm" }));
            Assert.That(task.List("volumes"), Has.Length.EqualTo(3));
            Assert.That(
                policy.SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())).Where(a => a.StartsWith("ssmmessages:", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel" }));
        });
    }

    [Test]
    public async Task Prod_without_ECS_Exec_has_no_agent_volumes_no_channels_and_no_session_key()
    {
        var run = await StackRun.RunAsync("prod");

        Assert.Multiple(() =>
        {
            Assert.That(run.Single(Service).At("enableExecuteCommand"), Is.False);
            Assert.That(run.Single("aws:ecs/taskDefinition:TaskDefinition").List("volumes"), Is.Empty);
            Assert.That(run.OfType("aws:kms/key:Key").Select(k => k.Name), Has.None.EqualTo("widget-exec-key"));
            Assert.That(run.OfType("aws:iam/rolePolicy:RolePolicy").Select(p => p.Name), Has.None.EqualTo("widget-task-policy"));
        });
    }
}
