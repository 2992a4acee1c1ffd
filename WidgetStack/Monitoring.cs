using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;
using Budgets = Pulumi.Aws.Budgets;
using CloudWatch = Pulumi.Aws.CloudWatch;
using Sns = Pulumi.Aws.Sns;

namespace WidgetStack;

/// <summary>What the alarms watch: the load balancer and its target groups, by name.</summary>
/// <param name="Design">Alarms, topic and addresses.</param>
/// <param name="LoadBalancer">The load balancer component.</param>
public sealed record MonitoringArgs(MonitoringDesign Design, LoadBalancer LoadBalancer);

/// <summary>
/// The alarms of <see cref="MonitoringDesign"/>, the encrypted SNS topic they publish to, its key
/// and the e-mail subscriptions. The service names the alarms as its deployment alarms.
/// </summary>
public sealed class Monitoring : ComponentResource
{
    /// <summary>Builds the key, topic, subscriptions and alarms.</summary>
    public Monitoring(string name, MonitoringArgs args, ComponentResourceOptions? options = null)
        : base("widget:monitoring:Monitoring", name, options)
    {
        var design = args.Design;
        var child = new CustomResourceOptions { Parent = this };
        var key = StackKey.Create(design.KeyName, "Encrypts the widget stack's alarm topic", design.AccountRootArn, new
        {
            Sid = "PublishersEncrypt",
            Effect = "Allow",
            // No condition here: the topic policy decides who publishes; SNS uses the key for the publisher
            // ("Enable compatibility between event sources from AWS services and encrypted topics",
            // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
            Principal = new { Service = design.Publishers.Select(p => p.Service).ToArray() },
            Action = new[] { "kms:Decrypt", "kms:GenerateDataKey*" },
            Resource = "*",
        }, this);
        Topic = new Sns.Topic(design.TopicName, new Sns.TopicArgs { KmsMasterKeyId = key.Arn }, child);
        _ = new Sns.TopicPolicy($"{design.TopicName}-policy", new Sns.TopicPolicyArgs
        {
            Arn = Topic.Arn,
            Policy = Topic.Arn.Apply(arn => TopicPolicy(design, arn)),
        }, child);
        if (design.Budget is { } budget)
        {
            _ = new Budgets.Budget(budget.Name, new Budgets.BudgetArgs
            {
                Name = budget.Name,
                BudgetType = "COST",
                TimeUnit = "MONTHLY",
                LimitAmount = budget.AmountUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LimitUnit = "USD",
                CostFilters = { new Budgets.Inputs.BudgetCostFilterArgs { Name = "TagKeyValue", Values = { budget.TagFilter } } },
                Notifications = [.. BudgetDesign.NotificationTypes.Select(type => new Budgets.Inputs.BudgetNotificationArgs
                {
                    NotificationType = type,
                    ComparisonOperator = "GREATER_THAN",
                    Threshold = budget.AlertPercent,
                    ThresholdType = "PERCENTAGE",
                    SubscriberSnsTopicArns = { Topic.Arn },
                })],
            }, child);
        }
        foreach (var (email, index) in design.Emails.Select((email, index) => (email, index)))
        {
            _ = new Sns.TopicSubscription($"{design.TopicName}-email-{index}", new Sns.TopicSubscriptionArgs
            {
                Topic = Topic.Arn,
                Protocol = "email",
                Endpoint = email,
            }, child);
        }

        var groups = new[] { args.LoadBalancer.ProductionTargetGroup, args.LoadBalancer.AlternateTargetGroup }.ToDictionary(g => g.GetResourceName());
        Alarms = [.. design.Alarms.Select(alarm => new CloudWatch.MetricAlarm(alarm.Name, new CloudWatch.MetricAlarmArgs
        {
            Name = alarm.Name,
            AlarmDescription = alarm.Description,
            Namespace = AlarmDesign.Namespace,
            MetricName = alarm.MetricName,
            Statistic = alarm.Statistic,
            Period = AlarmDesign.PeriodSeconds,
            EvaluationPeriods = design.EvaluationMinutes,
            Threshold = alarm.Threshold,
            ComparisonOperator = AlarmDesign.ComparisonOperator,
            TreatMissingData = AlarmDesign.TreatMissingData,
            Dimensions = alarm.TargetGroup is { } group
                ? new InputMap<string> { ["LoadBalancer"] = args.LoadBalancer.ArnSuffix, ["TargetGroup"] = groups[group].ArnSuffix }
                : new InputMap<string> { ["LoadBalancer"] = args.LoadBalancer.ArnSuffix },
            AlarmActions = { Topic.Arn },
            OkActions = { Topic.Arn },
        }, child))];
        RegisterOutputs(new Dictionary<string, object?> { ["topicArn"] = Topic.Arn });
    }

    /// <summary>The topic the alarms publish to.</summary>
    public Sns.Topic Topic { get; }

    /// <summary>The alarms, which the service waits for and names as its deployment alarms.</summary>
    public IReadOnlyList<CloudWatch.MetricAlarm> Alarms { get; }

    /// <summary>
    /// Lets each publisher of the design (CloudWatch alarms, AWS Budgets) publish, for this account
    /// only. The topic policy replaces SNS's default one, so a publisher left out is refused.
    /// </summary>
    private static string TopicPolicy(MonitoringDesign design, string topicArn) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = design.Publishers.Select(publisher => new
        {
            publisher.Sid,
            Effect = "Allow",
            Principal = new { publisher.Service },
            Action = "sns:Publish",
            Resource = topicArn,
            Condition = PolicyDocuments.Condition(publisher.Conditions),
        }),
    });
}
