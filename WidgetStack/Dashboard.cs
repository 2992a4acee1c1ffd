using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;
using CloudWatch = Pulumi.Aws.CloudWatch;

namespace WidgetStack;

/// <summary>
/// The CloudWatch dashboard ops look at first: requests, 5xx, target response time (p50, p99),
/// healthy hosts, running against desired tasks, CPU and memory of the service.
/// </summary>
internal static class Dashboard
{
    /// <summary>Creates the dashboard as a child of <paramref name="parent"/> and returns its console URL.</summary>
    public static Output<string> Create(MonitoringDesign design, string region, LoadBalancer loadBalancer, WidgetService service, Resource parent)
    {
        var body = Output.Tuple(loadBalancer.ArnSuffix, loadBalancer.ProductionTargetGroup.ArnSuffix, service.ClusterName, service.ServiceName)
            .Apply(names => Body(region, names.Item1, names.Item2, names.Item3, names.Item4));
        var dashboard = new CloudWatch.Dashboard(design.DashboardName, new CloudWatch.DashboardArgs
        {
            DashboardName = design.DashboardName,
            DashboardBody = body,
        }, new CustomResourceOptions { Parent = parent });
        return dashboard.DashboardName.Apply(name => $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#dashboards:name={name}");
    }

    private static string Body(string region, string alb, string targetGroup, string cluster, string service)
    {
        object[] Elb(string metric, string stat, bool byTargetGroup = false) =>
            byTargetGroup
                ? ["AWS/ApplicationELB", metric, "TargetGroup", targetGroup, "LoadBalancer", alb, new { stat }]
                : ["AWS/ApplicationELB", metric, "LoadBalancer", alb, new { stat }];
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
                Widget("5xx responses", 12, 0, Elb("HTTPCode_Target_5XX_Count", "Sum", byTargetGroup: true), Elb("HTTPCode_ELB_5XX_Count", "Sum")),
                Widget("Target response time", 0, 6, Elb("TargetResponseTime", "p50", byTargetGroup: true), Elb("TargetResponseTime", "p99", byTargetGroup: true)),
                Widget("Healthy and unhealthy tasks", 12, 6, Elb("HealthyHostCount", "Minimum", byTargetGroup: true), Elb("UnHealthyHostCount", "Maximum", byTargetGroup: true)),
                Widget("Running against desired tasks", 0, 12, Ecs("ECS/ContainerInsights", "RunningTaskCount", "Average"), Ecs("ECS/ContainerInsights", "DesiredTaskCount", "Average")),
                Widget("CPU and memory (%)", 12, 12, Ecs("AWS/ECS", "CPUUtilization", "Average"), Ecs("AWS/ECS", "MemoryUtilization", "Average")),
            },
        });
    }
}
