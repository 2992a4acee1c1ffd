using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Lb = Pulumi.Aws.LB;

namespace WidgetStack;

/// <summary>
/// The CloudWatch dashboard ops look at first: requests, 5xx, target response time (p50, p99),
/// healthy hosts, running against desired tasks, CPU and memory of the service. The widgets per
/// target group show every target group: under blue/green ECS swaps the production and alternate
/// groups on each deploy, so the one serving now is either of them.
/// </summary>
internal static class Dashboard
{
    /// <summary>Creates the dashboard as a child of <paramref name="parent"/> and returns its console URL.</summary>
    public static Output<string> Create(MonitoringDesign design, string region, LoadBalancer loadBalancer, WidgetService service, Resource parent)
    {
        Lb.TargetGroup[] groups = [loadBalancer.ProductionTargetGroup, loadBalancer.AlternateTargetGroup];
        var targetGroups = Output.All(groups.Select(g => Output.Tuple(g.Name, g.ArnSuffix)));
        var body = Output.Tuple(loadBalancer.ArnSuffix, targetGroups, service.ClusterName, service.ServiceName)
            .Apply(names => Body(region, names.Item1, names.Item2, names.Item3, names.Item4));
        var dashboard = new CloudWatch.Dashboard(design.DashboardName, new CloudWatch.DashboardArgs
        {
            DashboardName = design.DashboardName,
            DashboardBody = body,
        }, new CustomResourceOptions { Parent = parent });
        return dashboard.DashboardName.Apply(name => $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards:name={name}");
    }

    private static string Body(string region, string alb, IReadOnlyList<(string Name, string ArnSuffix)> targetGroups, string cluster, string service)
    {
        object[] Elb(string metric, string stat) => ["AWS/ApplicationELB", metric, "LoadBalancer", alb, new { stat }];
        object[][] PerGroup(string metric, string stat, string label) =>
            [.. targetGroups.Select(g => new object[] { "AWS/ApplicationELB", metric, "TargetGroup", g.ArnSuffix, "LoadBalancer", alb, new { stat, label = $"{g.Name} {label}" } })];
        object[] Ecs(string metricNamespace, string metric, string stat) => [metricNamespace, metric, "ClusterName", cluster, "ServiceName", service, new { stat }];
        object Widget(string title, int x, int y, params object[][] metrics) => new
        {
            type = "metric",
            x,
            y,
            width = 12,
            height = 6,
            properties = new { title, region, view = "timeSeries", period = AlarmDesign.PeriodSeconds, metrics },
        };

        return JsonSerializer.Serialize(new
        {
            widgets = new[]
            {
                Widget("Requests", 0, 0, Elb("RequestCount", "Sum")),
                Widget("5xx responses", 12, 0, [.. PerGroup("HTTPCode_Target_5XX_Count", "Sum", "5xx"), Elb("HTTPCode_ELB_5XX_Count", "Sum")]),
                Widget("Target response time", 0, 6, [.. PerGroup("TargetResponseTime", "p50", "p50"), .. PerGroup("TargetResponseTime", "p99", "p99")]),
                Widget("Healthy and unhealthy tasks", 12, 6, [.. PerGroup("HealthyHostCount", "Minimum", "healthy"), .. PerGroup("UnHealthyHostCount", "Maximum", "unhealthy")]),
                Widget("Running against desired tasks", 0, 12, Ecs("ECS/ContainerInsights", "RunningTaskCount", "Average"), Ecs("ECS/ContainerInsights", "DesiredTaskCount", "Average")),
                Widget("CPU and memory (%)", 12, 12, Ecs("AWS/ECS", "CPUUtilization", "Average"), Ecs("AWS/ECS", "MemoryUtilization", "Average")),
            },
        });
    }
}
