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

/// <summary>An AWS service that publishes to the alarm topic, and when the topic policy lets it.</summary>
/// <param name="Sid">Statement id in the topic policy.</param>
/// <param name="Service">Its service principal.</param>
/// <param name="Conditions">
/// The topic policy's conditions: the service publishes only for this account (and its alarms),
/// against the confused deputy problem.
/// </param>
public sealed record TopicPublisher(string Sid, string Service, IReadOnlyList<TrustCondition> Conditions);

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
/// <param name="AccountId">The stack's account, which alone may have AWS services publish to the topic.</param>
/// <param name="Publishers">
/// The services allowed to publish to the topic. A topic policy replaces SNS's default policy, so
/// it must name every publisher: CloudWatch for the alarm actions, AWS Budgets for the budget.
/// </param>
public sealed record MonitoringDesign(
    string TopicName,
    string KeyName,
    string AccountRootArn,
    IReadOnlyList<string> Emails,
    int EvaluationMinutes,
    IReadOnlyList<AlarmDesign> Alarms,
    BudgetDesign? Budget,
    string DashboardName,
    string AccountId,
    IReadOnlyList<TopicPublisher> Publishers)
{
    /// <summary>CloudWatch's service principal, which performs alarm actions.</summary>
    public const string CloudWatchService = "cloudwatch.amazonaws.com";

    /// <summary>AWS Budgets' service principal, which sends budget alerts.</summary>
    public const string BudgetsService = "budgets.amazonaws.com";

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
            settings.AccountId,
            PublishersFor(settings.Task.Image.Partition, settings.Region, settings.AccountId, prefix));
    }

    /// <summary>
    /// CloudWatch may publish for this account's alarms of the stack (every alarm name starts with
    /// the stack's prefix); Budgets for this account. Without the CloudWatch statement the alarm's
    /// history shows "arn:aws:cloudwatch:...:alarm:... is not authorized to perform: SNS:Publish",
    /// and AWS limits it to given alarms with aws:SourceArn (AWS re:Post Knowledge Center, "Why
    /// didn't I receive an SNS notification for my CloudWatch alarm trigger?",
    /// https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
    /// </summary>
    private static TopicPublisher[] PublishersFor(string partition, string region, string account, string alarmPrefix) =>
    [
        new("CloudWatchAlarmsPublish", CloudWatchService,
        [
            new("StringEquals", "aws:SourceAccount", account),
            new("ArnLike", "aws:SourceArn", $"arn:{partition}:cloudwatch:{region}:{account}:alarm:{alarmPrefix}-*"),
        ]),
        new("BudgetsPublish", BudgetsService, [new("StringEquals", "aws:SourceAccount", account)]),
    ];
}
