using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class DesignTests
{
    private static readonly string[] Stacks = ["dev", "prod"];

    [TestCaseSource(nameof(Stacks))]
    public void Tasks_accept_the_container_port_from_the_load_balancer_only(string stack)
    {
        var design = WidgetDesign.Load(Repository.Root, stack);
        var port = design.Settings.Task.ContainerPort;

        Assert.Multiple(() =>
        {
            Assert.That(design.Firewall.Tasks.Ingress, Has.Count.EqualTo(1));
            Assert.That(design.Firewall.Tasks.Ingress[0].Port, Is.EqualTo(port));
            Assert.That(design.Firewall.Tasks.Ingress[0].Peer, Is.EqualTo(FirewallPeer.GroupOf(GroupRole.LoadBalancer)));
            Assert.That(
                design.Firewall.Groups.SelectMany(g => g.Ingress).Where(r => r.Port == port).Select(r => r.Peer.Cidr),
                Has.All.Null,
                "no rule opens the container port to a CIDR");
        });
    }

    [TestCase(false, new[] { 80 })]
    [TestCase(true, new[] { 80, 443 })]
    public void The_load_balancer_accepts_web_ports_from_anywhere_and_sends_only_to_the_tasks(bool https, int[] worldPorts)
    {
        var firewall = FirewallDesign.From(3333, https);

        Assert.Multiple(() =>
        {
            Assert.That(firewall.LoadBalancer.Ingress.Select(r => r.Port), Is.EqualTo(worldPorts));
            Assert.That(firewall.LoadBalancer.Ingress.Select(r => r.Peer), Has.All.EqualTo(FirewallPeer.Anywhere));
            Assert.That(firewall.LoadBalancer.Egress.Select(r => (r.Port, r.Peer)), Is.EqualTo(new[] { (3333, FirewallPeer.GroupOf(GroupRole.Tasks)) }));
            Assert.That(firewall.Groups.SelectMany(g => g.Ingress.Concat(g.Egress)).Select(r => r.Description), Has.All.Not.Empty);
        });
    }

    [Test]
    public void Tasks_send_only_HTTPS_out()
    {
        var firewall = FirewallDesign.From(3333, https: false);

        Assert.That(firewall.Tasks.Egress.Select(r => r.Port), Is.EqualTo(new[] { 443 }));
    }

    [Test]
    public void Security_group_descriptions_never_depend_on_the_settings()
    {
        var one = FirewallDesign.From(3333, https: false);
        var other = FirewallDesign.From(8080, https: true);

        Assert.That(one.Groups.Select(g => g.Description), Is.EqualTo(other.Groups.Select(g => g.Description)));
    }

    [TestCaseSource(nameof(Stacks))]
    public void No_IAM_statement_allows_wildcard_actions_and_any_resource_only_for_actions_that_name_none(string stack)
    {
        var iam = WidgetDesign.Load(Repository.Root, stack).Iam;
        var statements = iam.Roles.SelectMany(r => r.Statements).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(statements.SelectMany(s => s.Actions), Has.None.Contain("*"));
            Assert.That(
                statements.Where(s => s.Resource is PolicyResource.Any).SelectMany(s => s.Actions),
                Is.EquivalentTo(new[] { "ecr:GetAuthorizationToken" }
                    .Concat(iam.FlowLogs is null ? [] : ["logs:DescribeLogGroups"])
                    .Concat(stack == "dev" ? [.. ExecDesign.ChannelActions, "logs:DescribeLogGroups"] : Array.Empty<string>())));
            Assert.That(iam.Execution.Name, Is.Not.EqualTo(iam.Task.Name));
            Assert.That(iam.Task.Statements.SelectMany(st => st.Actions).Where(a => a.StartsWith("ssmmessages:", StringComparison.Ordinal)), Is.EqualTo(stack == "dev" ? ExecDesign.ChannelActions : Array.Empty<string>()), "exactly ECS Exec's four channel actions, where Exec is on");
        });
    }

    [Test]
    public void Prod_records_VPC_traffic_through_a_role_that_can_only_write_its_own_group()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var role = design.Iam.FlowLogs!;

        Assert.Multiple(() =>
        {
            Assert.That(design.Network.FlowLogs!.LogGroupName, Is.EqualTo("/vpc/widget/prod/flow-logs"));
            Assert.That(design.Network.FlowLogs.RetentionDays, Is.EqualTo(design.Settings.Task.LogRetentionDays));
            Assert.That(role.TrustedService, Is.EqualTo("vpc-flow-logs.amazonaws.com"));
            Assert.That(
                role.Statements.Where(s => s.Actions.Any(a => a != "logs:DescribeLogGroups")).Select(s => s.Resource),
                Has.All.EqualTo(new PolicyResource.LogStreamsOf("/vpc/widget/prod/flow-logs")));
            Assert.That(design.Iam.Roles, Does.Contain(role));
        });
    }

    [Test]
    public void Dev_records_no_traffic_and_the_blueprint_says_so()
    {
        var design = WidgetDesign.Load(Repository.Root, "dev");

        Assert.Multiple(() =>
        {
            Assert.That(design.Network.FlowLogs, Is.Null);
            Assert.That(design.Iam.FlowLogs, Is.Null);
            Assert.That(design.Warnings, Has.Some.Contain("EC2.6"));
        });
    }

    [Test]
    public void The_execution_role_pulls_from_the_one_repository_of_the_image()
    {
        var iam = WidgetDesign.Load(Repository.Root, "prod").Iam;

        Assert.That(
            iam.Execution.Statements.Select(s => s.Resource).OfType<PolicyResource.Arn>().Select(a => a.Value),
            Is.EqualTo(new[] { "arn:aws:ecr:us-east-1:123456789012:repository/rocket-city-widget-server" }));
    }

    [Test]
    public void Blue_green_builds_two_target_groups_a_production_rule_and_the_infrastructure_role()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:deploymentStrategy", "blueGreen"), ("widget:bakeTimeMinutes", "10")));

        var design = WidgetDesign.Load(folder, "qa");

        Assert.Multiple(() =>
        {
            Assert.That(design.LoadBalancer.TargetGroups.Select(t => t.Name), Is.EqualTo(new[] { "widget-tasks", "widget-alternate" }));
            Assert.That(design.LoadBalancer.ProductionRule, Is.Not.Null);
            Assert.That(design.Iam.Infrastructure!.ManagedPolicyArns.Single(), Is.EqualTo("arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"));
            Assert.That(design.Iam.Infrastructure.TrustedService, Is.EqualTo("ecs.amazonaws.com"));
            Assert.That(design.Service.Deployment.StrategyName, Is.EqualTo("BLUE_GREEN"));
            Assert.That(design.Service.Deployment.BakeTimeMinutes, Is.EqualTo(10));
        });
    }

    [Test]
    public void HTTPS_adds_a_TLS_1_3_listener_and_turns_port_80_into_a_redirect()
    {
        var arn = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:certificateArn", arn)));

        var alb = WidgetDesign.Load(folder, "qa").LoadBalancer;

        Assert.Multiple(() =>
        {
            Assert.That(alb.TrafficListener.Port, Is.EqualTo(443));
            Assert.That(alb.TrafficListener.CertificateArn, Is.EqualTo(arn));
            Assert.That(alb.TrafficListener.SslPolicy, Does.Contain("TLS13"));
            Assert.That(alb.Listeners.Single(l => l.Port == 80).Action, Is.EqualTo(ListenerAction.RedirectToHttps));
        });
    }

    [TestCase("rolling")]
    [TestCase("blueGreen")]
    public void Auto_named_load_balancer_and_target_groups_fit_the_32_character_limit(string strategy)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:deploymentStrategy", strategy)));

        var alb = WidgetDesign.Load(folder, "qa").LoadBalancer;

        Assert.That(alb.TargetGroups.Select(t => t.Name).Append(alb.Name), Has.All.Length.LessThanOrEqualTo(LoadBalancerDesign.MaxLogicalNameLength));
    }

    [TestCaseSource(nameof(Stacks))]
    public void The_service_is_WidgetService_of_family_RocketCityWidgetServer_with_the_configured_count(string stack)
    {
        var settings = SettingsReader.Read(StackFile.Load(Repository.Root, stack));
        var service = WidgetDesign.From(settings).Service;

        Assert.Multiple(() =>
        {
            Assert.That(service.Name, Is.EqualTo("WidgetService"));
            Assert.That(service.Task.Family, Is.EqualTo("RocketCityWidgetServer"));
            Assert.That(service.DesiredCount, Is.EqualTo(settings.Scaling.Replicas));
            Assert.That(FargateSize(service.Task), Is.True);
        });
    }

    [TestCase("rolling", "ROLLING", null)]
    [TestCase("blueGreen", "BLUE_GREEN", 5)]
    public void The_strategy_reaches_ECS_by_its_API_name_and_only_blue_green_bakes(string strategy, string apiName, int? bakeMinutes)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:deploymentStrategy", strategy)));

        var deployment = WidgetDesign.Load(folder, "qa").Service.Deployment;

        Assert.Multiple(() =>
        {
            Assert.That(deployment.StrategyName, Is.EqualTo(apiName));
            Assert.That(deployment.BakeTimeMinutes, Is.EqualTo(bakeMinutes));
        });
    }

    [TestCase("dev", true, "FARGATE_SPOT")]
    [TestCase("prod", false, "FARGATE")]
    public void Dev_runs_on_Spot_and_prod_on_demand(string stack, bool onSpot, string capacityProvider)
    {
        var service = WidgetDesign.Load(Repository.Root, stack).Service;

        Assert.Multiple(() =>
        {
            Assert.That(service.OnSpot, Is.EqualTo(onSpot));
            Assert.That(service.CapacityProvider, Is.EqualTo(capacityProvider));
        });
    }

    [TestCase("prod", 3, "3 endpoints x 3 zones x 730 h x 0.01 USD", "65.70")]
    [TestCase("qa", 2, "3 endpoints x 2 zones x 730 h x 0.01 USD", "43.80")]
    public void Interface_endpoints_cost_one_cent_per_endpoint_and_zone_hour(string stack, int zones, string basis, string usdPerMonth)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:availabilityZones", "[us-east-1a, us-east-1b]"), ("widget:vpcEndpoints", "true")));
        var design = stack == "prod" ? WidgetDesign.Load(Repository.Root, "prod") : WidgetDesign.Load(folder, "qa");
        var output = Report.TextReport.Render(design);

        Assert.Multiple(() =>
        {
            Assert.That(design.Network.Endpoints!.Zones, Is.EqualTo(zones));
            Assert.That(output, Does.Match(TableRow.Of("VPC interface endpoints", basis, usdPerMonth)));
        });
    }

    [Test]
    public void Prod_keys_are_administered_by_its_account_and_used_by_the_services_that_need_them()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");

        Assert.Multiple(() =>
        {
            Assert.That(design.LogEncryption, Is.EqualTo(new LogEncryptionDesign(
                "widget-logs-key", "arn:aws:iam::123456789012:root", "logs.us-east-1.amazonaws.com", "arn:aws:logs:us-east-1:123456789012:log-group:*", Retain: true)));
            Assert.That(LogEncryptionDesign.LogsActions, Is.EqualTo(new[] { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" }));
            Assert.That(design.Monitoring.AccountRootArn, Is.EqualTo("arn:aws:iam::123456789012:root"));
            Assert.That(design.Monitoring.Publishers.Select(p => p.Service), Is.EqualTo(new[] { "cloudwatch.amazonaws.com", "budgets.amazonaws.com" }));
            Assert.That(design.Monitoring.Budget, Is.EqualTo(new BudgetDesign("widget-prod-monthly", 400, 80, "user:Stack$prod")));
            Assert.That(BudgetDesign.NotificationTypes, Is.EqualTo(new[] { "ACTUAL", "FORECASTED" }));
        });
    }

    [Test]
    public void The_task_logs_to_a_group_of_its_own_stack_under_a_fixed_stream_prefix()
    {
        var logs = WidgetDesign.Load(Repository.Root, "prod").Service.Task.Logs;

        Assert.That(logs, Is.EqualTo(new LogDesign("/ecs/widget/prod", 365, "widget", Retain: true)));
    }

    [TestCase("123456789012")]
    [TestCase("210987654321")]
    public void Roles_trust_their_service_only_for_the_account_the_provider_may_deploy_to_whatever_account_holds_the_image(string expected)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("aws:allowedAccountIds", $"[\"{expected}\"]"), ("widget:deploymentStrategy", "blueGreen")));

        var iam = WidgetDesign.Load(folder, "qa").Iam;

        Assert.Multiple(() =>
        {
            Assert.That(iam.Execution.TrustConditions, Is.EqualTo(new[]
            {
                new TrustCondition("StringEquals", "aws:SourceAccount", expected),
                new TrustCondition("ArnLike", "aws:SourceArn", $"arn:aws:ecs:us-east-1:{expected}:*"),
            }));
            Assert.That(iam.Task.TrustConditions, Is.EqualTo(iam.Execution.TrustConditions));
            Assert.That(iam.FlowLogs!.TrustConditions, Is.EqualTo(new[]
            {
                new TrustCondition("StringEquals", "aws:SourceAccount", expected),
                new TrustCondition("ArnLike", "aws:SourceArn", $"arn:aws:ec2:us-east-1:{expected}:vpc-flow-log/*"),
            }));
            Assert.That(iam.Infrastructure!.TrustConditions, Is.Empty, "AWS documents no condition keys for the ECS infrastructure role");
        });
    }

    private static bool FargateSize(TaskDesign task) => Rules.FargateTaskSizes.IsValid(task.Cpu, task.MemoryMiB);
}
