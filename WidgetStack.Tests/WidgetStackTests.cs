using System.Collections.Immutable;
using System.Text.Json;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

[TestFixture("dev")]
[TestFixture("prod")]
public class WidgetStackTests(string stack)
{
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private const string Service = "aws:ecs/service:Service";

    private StackRun _run = null!;
    private WidgetDesign _design = null!;

    [OneTimeSetUp]
    public async Task RunTheStack()
    {
        _run = await StackRun.RunAsync(stack);
        _design = WidgetDesign.Load(Repository.Root, stack);
    }

    [Test]
    public void The_service_runs_the_replicas_the_stack_file_asks_for()
    {
        var service = _run.Single(Service);
        var fileReplicas = SettingsReader.Read(StackFile.Load(Repository.Root, stack)).Scaling.Replicas;

        Assert.Multiple(() =>
        {
            Assert.That(service.Number("desiredCount"), Is.EqualTo(fileReplicas));
            Assert.That(service.Text("name"), Is.EqualTo("WidgetService"));
            Assert.That(_run.Single("aws:ecs/taskDefinition:TaskDefinition").Text("family"), Is.EqualTo("RocketCityWidgetServer"));
        });
    }

    [Test]
    public void The_task_group_accepts_exactly_one_rule_on_the_container_port_from_the_load_balancer_group()
    {
        var taskGroupId = StackRun.IdOf(_design.Firewall.Tasks.Name);
        var albGroupId = StackRun.IdOf(_design.Firewall.LoadBalancer.Name);
        var rules = _run.OfType(IngressRule).Where(r => r.Text("securityGroupId") == taskGroupId).ToList();

        Assert.That(rules, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(rules[0].Number("fromPort"), Is.EqualTo(3333));
            Assert.That(rules[0].Number("toPort"), Is.EqualTo(3333));
            Assert.That(rules[0].Text("ipProtocol"), Is.EqualTo("tcp"));
            Assert.That(rules[0].Text("referencedSecurityGroupId"), Is.EqualTo(albGroupId));
            Assert.That(rules[0].At("cidrIpv4"), Is.Null);
        });
    }

    [Test]
    public void The_load_balancer_group_accepts_only_80_and_443_from_the_world()
    {
        var albGroupId = StackRun.IdOf(_design.Firewall.LoadBalancer.Name);
        var rules = _run.OfType(IngressRule).Where(r => r.Text("securityGroupId") == albGroupId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rules, Is.Not.Empty);
            Assert.That(rules.Select(r => r.Number("fromPort")), Is.SubsetOf(new int?[] { 80, 443 }));
            Assert.That(rules.Select(r => r.Text("cidrIpv4")), Has.All.EqualTo("0.0.0.0/0"));
        });
    }

    [Test]
    public void No_rule_opens_the_container_port_to_a_CIDR()
    {
        var open = _run.OfType(IngressRule).Concat(_run.OfType(EgressRule))
            .Where(r => r.Number("fromPort") <= 3333 && r.Number("toPort") >= 3333 && r.At("cidrIpv4") is not null);

        Assert.That(open, Is.Empty);
    }

    [Test]
    public void Every_rule_resource_carries_a_description_and_groups_have_no_inline_rules()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.OfType(IngressRule).Concat(_run.OfType(EgressRule)).Select(r => r.Text("description")), Has.All.Not.Empty);
            Assert.That(_run.OfType("aws:ec2/securityGroup:SecurityGroup").SelectMany(g => g.List("ingress").Concat(g.List("egress"))), Is.Empty);
        });
    }

    [Test]
    public void The_service_has_no_public_IP_and_only_private_subnets()
    {
        var service = _run.Single(Service);
        var zones = _design.Network.Zones.Count;

        Assert.Multiple(() =>
        {
            Assert.That(service.At("networkConfiguration", "assignPublicIp"), Is.EqualTo(false));
            Assert.That(service.List("networkConfiguration", "subnets"), Is.EqualTo(Enumerable.Range(0, zones).Select(i => $"subnet-private-{i}")));
            Assert.That(service.List("networkConfiguration", "securityGroups"), Is.EqualTo(new[] { StackRun.IdOf(_design.Firewall.Tasks.Name) }));
        });
    }

    [Test]
    public void The_deployment_settings_are_those_configured()
    {
        var service = _run.Single(Service);
        var deployment = _design.Settings.Deployment;

        Assert.Multiple(() =>
        {
            Assert.That(service.Number("deploymentMinimumHealthyPercent"), Is.EqualTo(deployment.MinHealthyPercent));
            Assert.That(service.Number("deploymentMaximumPercent"), Is.EqualTo(deployment.MaxPercent));
            Assert.That(service.At("deploymentCircuitBreaker", "enable"), Is.EqualTo(deployment.CircuitBreaker));
            Assert.That(service.At("deploymentCircuitBreaker", "rollback"), Is.EqualTo(deployment.Rollback));
            Assert.That(service.Text("deploymentController", "type"), Is.EqualTo("ECS"));
            Assert.That(service.Text("deploymentConfiguration", "strategy"), Is.EqualTo("ROLLING"));
            Assert.That(service.Number("healthCheckGracePeriodSeconds"), Is.EqualTo(deployment.HealthCheckGracePeriodSeconds));
        });
    }

    [Test]
    public void The_service_is_wired_to_the_production_ip_target_group_on_the_container_port()
    {
        var balancer = Inputs.Map(_run.Single(Service).List("loadBalancers").Single());
        var group = _run.Single("aws:lb/targetGroup:TargetGroup", "widget-tasks");

        Assert.Multiple(() =>
        {
            Assert.That(balancer["targetGroupArn"], Is.EqualTo(MockArns.For(group.Type!, group.Name!)));
            Assert.That(Convert.ToInt32(balancer["containerPort"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(3333));
            Assert.That(group.Text("targetType"), Is.EqualTo("ip"));
            Assert.That(group.Text("healthCheck", "path"), Is.EqualTo(_design.Settings.LoadBalancer.HealthCheck.Path));
            Assert.That(group.Text("healthCheck", "port"), Is.EqualTo("traffic-port"), "each task is probed on the port ECS registered it with");
        });
    }

    [Test]
    public async Task A_new_container_port_keeps_both_target_groups_and_opens_the_new_port_beside_the_old_one()
    {
        var moved = await StackRun.RunAsync(stack, ("containerPort", "8080"));
        string Rules(StackRun run) => string.Join(",", run.Registered.Where(r => r.Type!.StartsWith("aws:vpc/securityGroup", StringComparison.Ordinal)).Select(r => r.Name).Order(StringComparer.Ordinal));

        Assert.Multiple(() =>
        {
            // A target group's port forces a new group: it stays at 3333 and ECS registers tasks on the container port.
            Assert.That(moved.OfType("aws:lb/targetGroup:TargetGroup").Select(g => g.Number("port")), Is.EqualTo(new int?[] { 3333, 3333 }));
            Assert.That(moved.OfType("aws:lb/targetGroup:TargetGroup").Select(g => g.Inputs), Is.EqualTo(_run.OfType("aws:lb/targetGroup:TargetGroup").Select(g => g.Inputs)));
            Assert.That(Inputs.Map(moved.Single(Service).List("loadBalancers").Single())["containerPort"], Is.EqualTo(8080));
            // The rules of the new port are new resources: Pulumi creates them first and deletes the old ones last.
            Assert.That(Rules(moved), Is.EqualTo(Rules(_run).Replace("3333", "8080", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void The_awsx_VPC_gets_the_design_subnets_and_NAT_strategy()
    {
        var vpc = _run.Single("awsx:ec2:Vpc");
        var specs = vpc.List("subnetSpecs").Select(Inputs.Map).ToDictionary(s => (string)s["type"]);
        var network = _design.Network;

        Assert.Multiple(() =>
        {
            Assert.That(vpc.Text("cidrBlock"), Is.EqualTo(network.VpcCidr));
            Assert.That(vpc.List("availabilityZoneNames"), Is.EqualTo(network.Zones.Select(z => z.Zone)));
            Assert.That(vpc.Text("subnetStrategy"), Is.EqualTo("Auto"), "explicit CIDR blocks are ignored under Legacy");
            Assert.That(vpc.Text("natGateways", "strategy"), Is.EqualTo(network.Nat == NatStrategy.OnePerZone ? "OnePerAz" : "Single"));
            Assert.That(specs["Public"]["cidrBlocks"], Is.EqualTo(network.Zones.Select(z => z.PublicSubnetCidr)));
            Assert.That(specs["Private"]["cidrBlocks"], Is.EqualTo(network.Zones.Select(z => z.PrivateSubnetCidr)));
        });
    }

    [Test]
    public void The_load_balancer_is_internet_facing_in_the_public_subnets()
    {
        var alb = _run.Single("aws:lb/loadBalancer:LoadBalancer");

        Assert.Multiple(() =>
        {
            Assert.That(alb.At("internal"), Is.EqualTo(false));
            Assert.That(alb.List("subnets"), Is.EqualTo(Enumerable.Range(0, _design.Network.Zones.Count).Select(i => $"subnet-public-{i}")));
            Assert.That(alb.At("dropInvalidHeaderFields"), Is.EqualTo(true));
            Assert.That(alb.At("enableDeletionProtection"), Is.EqualTo(_design.Settings.LoadBalancer.DeletionProtection));
        });
    }

    // The actions AWS defines on no resource type (the IAM check proves it against AWS's data): the ECR
    // login, and where flow logs or ECS Exec are on, finding log groups and Exec's channels.
    private string[] AnyResourceActions()
    {
        List<string> actions = ["ecr:GetAuthorizationToken"];
        if (_design.Network.FlowLogs is not null)
        {
            actions.Add("logs:DescribeLogGroups");
        }

        if (_design.Service.Exec is not null)
        {
            actions.AddRange([.. ExecDesign.ChannelActions, "logs:DescribeLogGroups"]);
        }

        return [.. actions];
    }

    [Test]
    public void No_IAM_statement_allows_wildcard_actions_and_any_resource_only_for_actions_that_name_none()
    {
        var statements = _run.OfType("aws:iam/rolePolicy:RolePolicy")
            .SelectMany(p => JsonDocument.Parse(p.Text("policy")!).RootElement.GetProperty("Statement").EnumerateArray())
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(statements, Is.Not.Empty);
            Assert.That(statements.SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString())), Has.None.Contain("*"));
            Assert.That(
                statements.Where(s => s.GetProperty("Resource").GetString() == "*").SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString())),
                Is.EquivalentTo(AnyResourceActions()));
            Assert.That(_run.OfType("aws:iam/role:Role").Select(r => r.Name), Does.Contain("widget-execution").And.Contain("widget-task"));
        });
    }

    [Test]
    public void Flow_logs_record_the_VPC_into_their_own_group_through_their_own_role_when_the_stack_has_them()
    {
        var flowLogs = _run.OfType("aws:ec2/flowLog:FlowLog");
        if (_design.Network.FlowLogs is not { } design)
        {
            Assert.That(flowLogs, Is.Empty);
            return;
        }

        var flowLog = flowLogs.Single();
        var group = _run.OfType("aws:cloudwatch/logGroup:LogGroup").Single(g => g.Text("name") == design.LogGroupName);
        var policy = JsonDocument.Parse(_run.Single("aws:iam/rolePolicy:RolePolicy", "widget-flow-logs-policy").Text("policy")!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(flowLog.Text("vpcId"), Is.EqualTo(StackRun.IdOf("widget-network-vpc")));
            Assert.That(flowLog.Text("trafficType"), Is.EqualTo("ALL"));
            Assert.That(flowLog.Text("logDestination"), Is.EqualTo($"arn:aws:logs:us-east-1:123456789012:log-group:{design.LogGroupName}"));
            Assert.That(flowLog.Text("iamRoleArn"), Does.EndWith("/widget-flow-logs"));
            Assert.That(group.Number("retentionInDays"), Is.EqualTo(design.RetentionDays));
            Assert.That(
                policy.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Resource").GetString()),
                Is.EqualTo(new[] { $"arn:aws:logs:us-east-1:123456789012:log-group:{design.LogGroupName}:log-stream:*", "*" }));
        });
    }

    [Test]
    public void The_README_counts_the_resources_this_stack_registers()
    {
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var header = readme.Single(line => line.StartsWith("| Resource type |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var totals = readme.Single(line => line.StartsWith("| **total** |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        var column = Array.IndexOf(header, stack);

        Assert.That(totals[column].Trim('*'), Is.EqualTo(_run.Registered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_only_provider_function_the_program_calls_asks_for_the_Availability_Zones_of_the_stack_region()
    {
        var call = _run.Calls.Single();
        var filter = (ImmutableDictionary<string, object>)((ImmutableArray<object>)call.Args["filters"]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(call.Token, Is.EqualTo("aws:index/getAvailabilityZones:getAvailabilityZones"));
            Assert.That(call.Args["region"], Is.EqualTo("us-east-1"));
            Assert.That(filter["name"], Is.EqualTo("zone-type"));
            Assert.That(filter["values"], Is.EqualTo(new object[] { "availability-zone" }));
        });
    }
}

public class StackVariantTests
{
    [Test]
    public async Task A_copy_of_prod_with_five_replicas_runs_five_and_nothing_else_changes()
    {
        var prod = await StackRun.RunAsync("prod");
        var five = await StackRun.RunAsync("prod", ("replicas", "5"));

        var service = five.Single("aws:ecs/service:Service");
        Assert.Multiple(() =>
        {
            Assert.That(service.Number("desiredCount"), Is.EqualTo(5));
            Assert.That(Describe(five, skipDesiredCount: true), Is.EqualTo(Describe(prod, skipDesiredCount: true)));
        });
    }

    [Test]
    public async Task A_broken_value_fails_before_any_resource_is_registered()
    {
        var message = await StackRun.RejectionAsync("prod", ("cpu", "300"), ("replicas", "0"));

        Assert.That(message, Does.Contain("widget:cpu").And.Contain("widget:replicas"));
    }

    [Test]
    public async Task Blue_green_wires_the_alternate_group_the_production_rule_and_the_infrastructure_role()
    {
        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", "blueGreen"), ("requestsPerTarget", "0"));
        var service = run.Single("aws:ecs/service:Service");
        var advanced = Inputs.Map(Inputs.Map(service.List("loadBalancers").Single()).GetValueOrDefault("advancedConfiguration"));

        Assert.Multiple(() =>
        {
            Assert.That(run.OfType("aws:lb/targetGroup:TargetGroup").Select(t => t.Name), Is.EquivalentTo(new[] { "widget-tasks", "widget-alternate" }));
            Assert.That(advanced["alternateTargetGroupArn"], Is.EqualTo(MockArns.For("aws:lb/targetGroup:TargetGroup", "widget-alternate")));
            Assert.That(advanced["productionListenerRule"], Is.EqualTo(MockArns.For("aws:lb/listenerRule:ListenerRule", "widget-production")));
            Assert.That(advanced["roleArn"], Is.EqualTo(MockArns.For("aws:iam/role:Role", "widget-ecs-infra")));
            Assert.That(service.Text("deploymentConfiguration", "strategy"), Is.EqualTo("BLUE_GREEN"));
        });
    }

    [Test]
    public async Task Blue_green_attaches_the_infrastructure_policy_at_the_ARN_AWS_publishes_which_has_no_service_role_path()
    {
        // AWS Managed Policy Reference, AmazonECSInfrastructureRolePolicyForLoadBalancers: "ARN: arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers".
        // Attaching an ARN that names no policy fails pulumi up.
        const string published = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", "blueGreen"), ("requestsPerTarget", "0"));

        Assert.That(run.Single("aws:iam/rolePolicyAttachment:RolePolicyAttachment").Text("policyArn"), Is.EqualTo(published));
    }

    [Test]
    public async Task Dev_runs_on_Fargate_Spot_through_the_cluster_capacity_providers()
    {
        var run = await StackRun.RunAsync("dev");
        var service = run.Single("aws:ecs/service:Service");

        Assert.Multiple(() =>
        {
            Assert.That(service.At("launchType"), Is.Null);
            Assert.That(Inputs.Map(service.List("capacityProviderStrategies").Single())["capacityProvider"], Is.EqualTo("FARGATE_SPOT"));
            Assert.That(run.Single("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").List("capacityProviders"), Does.Contain("FARGATE_SPOT"));
        });
    }

    [Test]
    public async Task Turning_Spot_on_or_off_changes_only_the_capacity_provider_so_the_service_is_updated_in_place()
    {
        var onDemand = await StackRun.RunAsync("prod", ("spot", "false"));
        var spot = await StackRun.RunAsync("prod", ("spot", "true"));
        var (before, after) = (onDemand.Single("aws:ecs/service:Service"), spot.Single("aws:ecs/service:Service"));

        Assert.Multiple(() =>
        {
            // launchType forces a new service; a strategy changes in place only when one is set before
            // and after, with forceNewDeployment (AWS provider, aws_ecs_service capacity_provider_strategy).
            Assert.That((before.At("launchType"), after.At("launchType")), Is.EqualTo((null as object, null as object)));
            Assert.That(Inputs.Map(before.List("capacityProviderStrategies").Single())["capacityProvider"], Is.EqualTo("FARGATE"));
            Assert.That(Inputs.Map(after.List("capacityProviderStrategies").Single())["capacityProvider"], Is.EqualTo("FARGATE_SPOT"));
            Assert.That((before.At("forceNewDeployment"), after.At("forceNewDeployment")), Is.EqualTo((true, true)));
            var unchanged = (StackRun run) => Describe(run, skipDesiredCount: false).Where(r => !r.StartsWith("aws:ecs/service:Service ", StringComparison.Ordinal));
            Assert.That(unchanged(spot), Is.EqualTo(unchanged(onDemand)), "nothing else changes, the cluster's capacity providers included");
        });
    }

    [Test]
    public async Task Policies_name_the_account_the_stack_deploys_to_and_the_image_account_only_where_the_image_is_pulled()
    {
        // A shared registry: the image is in 999999999999, the stack deploys to 123456789012 (aws:allowedAccountIds).
        var run = await StackRun.RunAsync("prod", ("image", "999999999999.dkr.ecr.us-east-1.amazonaws.com/rocket-city-widget-server:1.0.0"));
        var policies = run.Registered
            .SelectMany(r => new[] { r.Text("policy"), r.Text("assumeRolePolicy") }.OfType<string>().Select(text => (r.Name, Text: text)))
            .ToList();
        var execution = run.Single("aws:iam/rolePolicy:RolePolicy", "widget-execution-policy").Text("policy")!;

        Assert.Multiple(() =>
        {
            Assert.That(policies.Where(p => p.Text.Contains("999999999999", StringComparison.Ordinal)).Select(p => p.Name), Is.EqualTo(new[] { "widget-execution-policy" }));
            Assert.That(execution, Does.Contain("arn:aws:ecr:us-east-1:999999999999:repository/rocket-city-widget-server"));
            Assert.That(run.Single("aws:kms/key:Key", "widget-logs-key").Text("policy"), Does.Contain("arn:aws:iam::123456789012:root"));
            Assert.That(run.Single("aws:s3/bucketPolicy:BucketPolicy").Text("policy"), Does.Contain("AWSLogs/123456789012/"));
            Assert.That(run.Single("aws:iam/role:Role", "widget-task").Text("assumeRolePolicy"), Does.Contain("\"aws:SourceAccount\":\"123456789012\""));
        });
    }

    [Test]
    public async Task A_stack_that_names_no_account_is_refused_before_any_resource_so_other_credentials_cannot_deploy_it()
    {
        var config = StackFile.Load(Repository.Root, "prod") with { AllowedAccountIds = null };

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", StackRun.ConfigJson(config, []));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<Pulumi.RunException>());
            Assert.That(error!.Message, Does.Contain("aws:allowedAccountIds = (not set): not set"));
            Assert.That(run.Registered.Where(r => r.Type != "pulumi:pulumi:Stack"), Is.Empty);
        });
    }

    [Test]
    public async Task HTTPS_adds_a_TLS_listener_and_port_80_redirects()
    {
        var run = await StackRun.RunAsync("prod", ("domainName", ""), ("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"));
        var listeners = run.OfType("aws:lb/listener:Listener").ToDictionary(l => l.Number("port") ?? 0);

        Assert.Multiple(() =>
        {
            Assert.That(listeners[443].Text("sslPolicy"), Does.Contain("TLS13"));
            Assert.That(Inputs.Map(listeners[80].List("defaultActions").Single())["type"], Is.EqualTo("redirect"));
        });
    }

    private static List<string> Describe(StackRun run, bool skipDesiredCount) =>
    [
        .. run.Registered.Select(r => $"{r.Type} {r.Name} {JsonSerializer.Serialize(skipDesiredCount ? r.Inputs.Remove("desiredCount") : r.Inputs)}").Order(StringComparer.Ordinal),
    ];
}
