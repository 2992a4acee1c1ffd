using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>Alarms, their encrypted topic, the deployment alarms of the service and request-based scaling, as they reach the mock runtime.</summary>
public class MonitoringTests
{
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static readonly string TopicArn = MockArns.For("aws:sns/topic:Topic", "widget-alarms");

    [Test]
    public async Task Prod_alarms_on_5xx_and_unhealthy_tasks_of_both_target_groups_and_on_the_load_balancer_5xx()
    {
        var run = await StackRun.RunAsync("prod");
        var alarms = run.OfType(Alarm).ToDictionary(a => a.Text("name")!);

        Assert.Multiple(() =>
        {
            Assert.That(alarms.Keys, Is.EquivalentTo(new[] { "widget-prod-widget-tasks-5xx", "widget-prod-widget-tasks-unhealthy", "widget-prod-widget-alternate-5xx", "widget-prod-widget-alternate-unhealthy", "widget-prod-alb-5xx" }));
            AssertAlarm(alarms["widget-prod-widget-tasks-5xx"], "HTTPCode_Target_5XX_Count", "Sum", 10, withTargetGroup: true);
            AssertAlarm(alarms["widget-prod-widget-tasks-unhealthy"], "UnHealthyHostCount", "Maximum", 1, withTargetGroup: true);
            AssertAlarm(alarms["widget-prod-widget-alternate-5xx"], "HTTPCode_Target_5XX_Count", "Sum", 10, "widget-alternate");
            AssertAlarm(alarms["widget-prod-widget-alternate-unhealthy"], "UnHealthyHostCount", "Maximum", 1, "widget-alternate");
            AssertAlarm(alarms["widget-prod-alb-5xx"], "HTTPCode_ELB_5XX_Count", "Sum", 10, withTargetGroup: false);
        });
    }

    [Test]
    public async Task The_thresholds_and_minutes_come_from_the_stack_file()
    {
        var run = await StackRun.RunAsync("prod", ("alarm5xxPerMinute", "25"), ("alarmMinutes", "5"));
        var alarm = run.OfType(Alarm).Single(a => a.Text("name") == "widget-prod-alb-5xx");

        Assert.That((alarm.Number("threshold"), alarm.Number("evaluationPeriods")), Is.EqualTo((25, 5)));
    }

    [Test]
    public async Task The_service_rolls_a_deployment_back_on_any_alarm()
    {
        var run = await StackRun.RunAsync("prod");
        var alarms = Inputs.Map(run.Single("aws:ecs/service:Service").At("alarms"));

        Assert.Multiple(() =>
        {
            Assert.That(alarms["enable"], Is.True);
            Assert.That(alarms["rollback"], Is.True);
            Assert.That(alarms["alarmNames"], Is.EquivalentTo(new[] { "widget-prod-widget-tasks-5xx", "widget-prod-widget-tasks-unhealthy", "widget-prod-widget-alternate-5xx", "widget-prod-widget-alternate-unhealthy", "widget-prod-alb-5xx" }));
        });
    }

    [Test]
    public async Task An_alarm_fails_a_deployment_but_rolls_it_back_only_where_the_rollback_setting_says()
    {
        var run = await StackRun.RunAsync("prod", ("circuitBreakerRollback", "false"));
        var service = run.Single("aws:ecs/service:Service");

        Assert.Multiple(() =>
        {
            Assert.That(service.At("alarms", "enable"), Is.True, "alarms still watch the deployment");
            Assert.That(service.At("alarms", "rollback"), Is.False);
            Assert.That(service.At("deploymentCircuitBreaker", "rollback"), Is.False);
        });
    }

    [Test]
    public async Task The_topic_is_encrypted_with_a_rotated_key_CloudWatch_and_Budgets_may_use_and_mails_the_listed_addresses()
    {
        var run = await StackRun.RunAsync("prod");
        var key = run.Single("aws:kms/key:Key", "widget-alarms-key");
        var statements = JsonNode.Parse(key.Text("policy")!)!["Statement"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(run.Single("aws:sns/topic:Topic").Text("kmsMasterKeyId"), Is.EqualTo(MockArns.For("aws:kms/key:Key", "widget-alarms-key")));
            Assert.That(key.At("enableKeyRotation"), Is.True);
            Assert.That(statements[0]!["Principal"]!["AWS"]!.GetValue<string>(), Is.EqualTo("arn:aws:iam::123456789012:root"));
            Assert.That(statements[1]!["Principal"]!["Service"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "cloudwatch.amazonaws.com", "budgets.amazonaws.com" }));
            Assert.That(statements[1]!["Action"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "kms:Decrypt", "kms:GenerateDataKey*" }));
            var subscription = run.Single("aws:sns/topicSubscription:TopicSubscription");
            Assert.That((subscription.Text("topic"), subscription.Text("protocol"), subscription.Text("endpoint")), Is.EqualTo((TopicArn, "email", "widget-ops@example.com")));
        });
    }

    [Test]
    public async Task A_topic_policy_replaces_the_default_one_so_it_lets_CloudWatch_alarms_of_the_stack_publish()
    {
        var run = await StackRun.RunAsync("prod");
        var policy = run.Single("aws:sns/topicPolicy:TopicPolicy");
        var statement = TopicStatement(policy, "cloudwatch.amazonaws.com");
        var alarmArns = run.OfType(Alarm).Select(a => MockArns.For(Alarm, a.Text("name")!));

        Assert.Multiple(() =>
        {
            Assert.That(policy.Text("arn"), Is.EqualTo(TopicArn));
            Assert.That(statement["Action"]!.GetValue<string>(), Is.EqualTo("sns:Publish"));
            Assert.That(statement["Resource"]!.GetValue<string>(), Is.EqualTo(TopicArn));
            Assert.That(statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]!.GetValue<string>(), Is.EqualTo("123456789012"));
            var pattern = statement["Condition"]!["ArnLike"]!["aws:SourceArn"]!.GetValue<string>();
            Assert.That(pattern, Is.EqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:widget-prod-*"));
            Assert.That(alarmArns, Has.All.StartsWith(pattern.TrimEnd('*')), "every alarm of the stack may publish");
            Assert.That(run.OfType(Alarm).Select(a => a.List("alarmActions").Single()), Has.All.EqualTo(TopicArn));
        });
    }

    [Test]
    public async Task AWS_Budgets_may_publish_to_the_topic_only_for_the_stack_account()
    {
        var run = await StackRun.RunAsync("prod");
        var statement = TopicStatement(run.Single("aws:sns/topicPolicy:TopicPolicy"), "budgets.amazonaws.com");

        Assert.Multiple(() =>
        {
            Assert.That(statement["Action"]!.GetValue<string>(), Is.EqualTo("sns:Publish"));
            Assert.That(statement["Resource"]!.GetValue<string>(), Is.EqualTo(TopicArn));
            Assert.That(statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]!.GetValue<string>(), Is.EqualTo("123456789012"));
        });
    }

    [Test]
    public async Task Prod_budgets_400_USD_a_month_of_its_tagged_costs_and_alerts_on_actual_and_forecast_spend()
    {
        var run = await StackRun.RunAsync("prod");
        var budget = run.Single("aws:budgets/budget:Budget");
        var notifications = budget.List("notifications").Select(Inputs.Map).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(budget.Text("name"), Is.EqualTo("widget-prod-monthly"));
            Assert.That((budget.Text("budgetType"), budget.Text("timeUnit"), budget.Text("limitAmount"), budget.Text("limitUnit")), Is.EqualTo(("COST", "MONTHLY", "400", "USD")));
            Assert.That(Inputs.Map(budget.List("costFilters").Single()), Is.EquivalentTo(new Dictionary<string, object>
            {
                ["name"] = "TagKeyValue",
                ["values"] = new object[] { "user:Stack$prod" },
            }));
            Assert.That(notifications.Select(n => n["notificationType"]), Is.EqualTo(new[] { "ACTUAL", "FORECASTED" }));
            foreach (var notification in notifications)
            {
                Assert.That(notification["comparisonOperator"], Is.EqualTo("GREATER_THAN"));
                Assert.That(notification["threshold"], Is.EqualTo(80));
                Assert.That(notification["thresholdType"], Is.EqualTo("PERCENTAGE"));
                Assert.That(notification["subscriberSnsTopicArns"], Is.EqualTo(new[] { TopicArn }));
            }
        });
    }

    [Test]
    public async Task The_dashboard_shows_the_service_and_its_address_is_a_stack_output()
    {
        var run = await StackRun.RunAsync("prod");
        var dashboard = run.Single("aws:cloudwatch/dashboard:Dashboard");
        var widgets = JsonNode.Parse(dashboard.Text("dashboardBody")!)!["widgets"]!.AsArray();
        var url = await Pulumi.Utilities.OutputUtilities.GetValueAsync(run.Resources.OfType<WidgetStackRoot>().Single().DashboardUrl);

        Assert.Multiple(() =>
        {
            Assert.That(dashboard.Text("dashboardName"), Is.EqualTo("widget-prod"));
            Assert.That(widgets.Select(w => w!["properties"]!["title"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "Requests", "5xx responses", "Target response time", "Healthy and unhealthy tasks", "Running against desired tasks", "CPU and memory (%)",
            }));
            var metrics = widgets.SelectMany(w => w!["properties"]!["metrics"]!.AsArray()).Select(m => m!.ToJsonString()).ToList();
            Assert.That(metrics, Does.Contain("""["AWS/ApplicationELB","TargetResponseTime","TargetGroup","targetgroup/widget-tasks/73e2d6bc24d8a067","LoadBalancer","app/widget-alb/50dc6c495c0c9188",{"stat":"p99","label":"widget-tasks p99"}]"""));
            Assert.That(metrics, Does.Contain("""["ECS/ContainerInsights","RunningTaskCount","ClusterName","widget-cluster","ServiceName","WidgetService",{"stat":"Average"}]"""));
            Assert.That(url, Is.EqualTo("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=widget-prod"));
        });
    }

    // Under blue/green ECS swaps the production and alternate target groups on every deploy, so each
    // per-target-group widget shows both: whichever serves now, and the one the next release starts in.
    [TestCase("rolling")]
    [TestCase("blueGreen")]
    public async Task The_dashboard_shows_both_target_groups_ECS_swaps_between(string strategy)
    {
        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", strategy), ("requestsPerTarget", "0"));
        var widgets = JsonNode.Parse(run.Single("aws:cloudwatch/dashboard:Dashboard").Text("dashboardBody")!)!["widgets"]!.AsArray();
        string[] perTargetGroup = ["5xx responses", "Target response time", "Healthy and unhealthy tasks"];

        Assert.Multiple(() =>
        {
            var shown = widgets.Where(w => perTargetGroup.Contains(w!["properties"]!["title"]!.GetValue<string>())).ToList();
            Assert.That(shown, Has.Count.EqualTo(perTargetGroup.Length));
            foreach (var widget in shown)
            {
                var groups = widget!["properties"]!["metrics"]!.AsArray()
                    .Select(m => m!.AsArray().Select(part => part!.ToJsonString()).ToList())
                    .Where(parts => parts.Contains("\"TargetGroup\""))
                    .Select(parts => parts[parts.IndexOf("\"TargetGroup\"") + 1])
                    .Distinct();
                Assert.That(groups, Is.EquivalentTo(new[] { "\"targetgroup/widget-tasks/73e2d6bc24d8a067\"", "\"targetgroup/widget-alternate/73e2d6bc24d8a067\"" }), widget["properties"]!["title"]!.ToString());
            }
        });
    }

    [Test]
    public async Task Prod_also_scales_on_requests_per_task_of_its_production_target_group()
    {
        var run = await StackRun.RunAsync("prod");
        var policy = Inputs.Map(run.Single("aws:appautoscaling/policy:Policy", "widget-request-tracking").At("targetTrackingScalingPolicyConfiguration"));
        var metric = Inputs.Map(policy["predefinedMetricSpecification"]);

        Assert.Multiple(() =>
        {
            Assert.That(metric["predefinedMetricType"], Is.EqualTo("ALBRequestCountPerTarget"));
            Assert.That(metric["resourceLabel"], Is.EqualTo("app/widget-alb/50dc6c495c0c9188/targetgroup/widget-tasks/73e2d6bc24d8a067"));
            Assert.That(policy["targetValue"], Is.EqualTo(1000));
        });
    }

    [Test]
    public async Task Dev_alarms_too_but_mails_nobody_and_scales_on_nothing()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Multiple(() =>
        {
            Assert.That(run.OfType(Alarm), Has.Count.EqualTo(5));
            Assert.That(run.OfType("aws:sns/topicSubscription:TopicSubscription"), Is.Empty);
            Assert.That(run.OfType("aws:appautoscaling/policy:Policy"), Is.Empty);
            Assert.That(run.OfType("aws:budgets/budget:Budget"), Is.Empty);
        });
    }

    private static void AssertAlarm(Pulumi.Testing.MockResourceArgs alarm, string metric, string statistic, int threshold, bool withTargetGroup)
        => AssertAlarm(alarm, metric, statistic, threshold, withTargetGroup ? "widget-tasks" : null);

    private static void AssertAlarm(Pulumi.Testing.MockResourceArgs alarm, string metric, string statistic, int threshold, string? targetGroup)
    {
        var dimensions = Inputs.Map(alarm.At("dimensions"));
        Assert.That(alarm.Text("namespace"), Is.EqualTo("AWS/ApplicationELB"));
        Assert.That(alarm.Text("metricName"), Is.EqualTo(metric));
        Assert.That(alarm.Text("statistic"), Is.EqualTo(statistic));
        Assert.That(alarm.Number("threshold"), Is.EqualTo(threshold));
        Assert.That(alarm.Number("period"), Is.EqualTo(60));
        Assert.That(alarm.Number("evaluationPeriods"), Is.EqualTo(3));
        Assert.That(alarm.Text("comparisonOperator"), Is.EqualTo("GreaterThanOrEqualToThreshold"));
        Assert.That(alarm.Text("treatMissingData"), Is.EqualTo("notBreaching"));
        Assert.That(alarm.List("alarmActions"), Is.EqualTo(new[] { TopicArn }));
        Assert.That(alarm.List("okActions"), Is.EqualTo(new[] { TopicArn }));
        Assert.That(dimensions["LoadBalancer"], Is.EqualTo("app/widget-alb/50dc6c495c0c9188"));
        Assert.That(dimensions.GetValueOrDefault("TargetGroup"), Is.EqualTo(targetGroup is null ? null : $"targetgroup/{targetGroup}/73e2d6bc24d8a067"));
    }

    // The statement of the topic policy that names <paramref name="service"/>.
    private static JsonNode TopicStatement(Pulumi.Testing.MockResourceArgs policy, string service) =>
        JsonNode.Parse(policy.Text("policy")!)!["Statement"]!.AsArray()
            .Single(s => s!["Principal"]!["Service"]!.GetValue<string>() == service)!;
}
