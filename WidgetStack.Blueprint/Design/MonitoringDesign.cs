using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Design;

/// <summary>One CloudWatch alarm on a load balancer metric.</summary>
/// <param name="Name">Alarm name, unique in the account and region (the service names it).</param>
/// <param name="Description">What it means when it fires.</param>
/// <param name="MetricName">AWS/ApplicationELB metric.</param>
/// <param name="Statistic">Sum or Maximum over each minute.</param>
/// <param name="Threshold">Value at or above which a minute breaches.</param>
/// <param name="TargetGroup">The target group it watches, or null for the load balancer itself.</param>
public sealed record AlarmDesign(string Name, string Description, string MetricName, string Statistic, int Threshold, string? TargetGroup)
{
    /// <summary>CloudWatch namespace of the load balancer's metrics.</summary>
    public const string Namespace = "AWS/ApplicationELB";

    /// <summary>Seconds per evaluated period.</summary>
    public const int PeriodSeconds = 60;

    /// <summary>A minute at or above the threshold breaches.</summary>
    public const string ComparisonOperator = "GreaterThanOrEqualToThreshold";

    /// <summary>No requests is no failure.</summary>
    public const string TreatMissingData = "notBreaching";
}

/// <summary>
/// What tells ops that the service is unhealthy: alarms on 5xx responses and unhealthy targets of
/// every target group and on the load balancer's own 5xx, wired to the service's deployment alarms
/// (ECS rolls a deployment back when one fires), publishing to one topic of the stack, encrypted
/// with a key of the stack (CloudWatch cannot publish to a topic under the AWS managed key), which
/// mails the given addresses.
/// </summary>
/// <param name="TopicName">Logical name of the SNS topic.</param>
/// <param name="KeyName">Logical name of the topic's KMS key.</param>
/// <param name="AccountRootArn">The account, which administers the key.</param>
/// <param name="Emails">Addresses subscribed to the topic.</param>
/// <param name="EvaluationMinutes">Consecutive breaching minutes before an alarm fires.</param>
/// <param name="Alarms">The alarms.</param>
/// <param name="Budget">The monthly cost budget that alerts the topic, or null.</param>
/// <param name="DashboardName">Name of the CloudWatch dashboard of the stack.</param>
/// <param name="AccountId">The stack's account, which alone may have AWS Budgets publish to the topic.</param>
public sealed record MonitoringDesign(
    string TopicName,
    string KeyName,
    string AccountRootArn,
    IReadOnlyList<string> Emails,
    int EvaluationMinutes,
    IReadOnlyList<AlarmDesign> Alarms,
    BudgetDesign? Budget,
    string DashboardName,
    string AccountId)
{
    /// <summary>Services that publish to the topic and so must use its key.</summary>
    public static readonly IReadOnlyList<string> Publishers = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"];

    /// <summary>Designs the alarms of <paramref name="settings"/> over <paramref name="targetGroups"/>.</summary>
    public static MonitoringDesign From(WidgetSettings settings, IEnumerable<string> targetGroups)
    {
        var alarms = settings.Alarms;
        var prefix = $"{settings.Project}-{settings.Stack}";
        var perGroup = targetGroups.SelectMany(group => new[]
        {
            new AlarmDesign($"{prefix}-{group}-5xx", $"The tasks of {group} answer 5xx", "HTTPCode_Target_5XX_Count", "Sum", alarms.FiveXxPerMinute, group),
            new AlarmDesign($"{prefix}-{group}-unhealthy", $"A task of {group} fails its health checks", "UnHealthyHostCount", "Maximum", 1, group),
        });
        AlarmDesign[] all =
        [
            .. perGroup,
            new AlarmDesign($"{prefix}-alb-5xx", "The load balancer itself answers 5xx (no healthy task, or a timeout)", "HTTPCode_ELB_5XX_Count", "Sum", alarms.FiveXxPerMinute, null),
        ];
        return new MonitoringDesign(
            "widget-alarms",
            "widget-alarms-key",
            $"arn:{settings.Task.Image.Partition}:iam::{settings.AccountId}:root",
            alarms.Emails,
            alarms.Minutes,
            all,
            BudgetDesign.From(settings),
            prefix,
            settings.AccountId);
    }
}
