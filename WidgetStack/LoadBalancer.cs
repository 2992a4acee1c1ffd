using System.Collections.Immutable;
using Pulumi;
using WidgetStack.Blueprint.Design;
using Lb = Pulumi.Aws.LB;

namespace WidgetStack;

/// <summary>What the load balancer needs.</summary>
/// <param name="Design">Listeners, target groups, health check.</param>
/// <param name="VpcId">VPC of the target groups.</param>
/// <param name="PublicSubnetIds">Subnets of the ALB nodes.</param>
/// <param name="SecurityGroupId">The load balancer's group.</param>
/// <param name="AccessLogs">Access logs and their bucket, or null when off.</param>
/// <param name="Waf">The web ACL in front of the load balancer, or null when off.</param>
public sealed record LoadBalancerArgs(
    LoadBalancerDesign Design, Input<string> VpcId, Output<ImmutableArray<string>> PublicSubnetIds, Input<string> SecurityGroupId, AccessLogDesign? AccessLogs, WafDesign? Waf);

/// <summary>
/// The internet-facing Application Load Balancer of the design, its two ip target groups, its
/// listeners and the production listener rule ECS re-weights under blue/green. The same under
/// every strategy, so that switching strategies leaves traffic where it is.
/// </summary>
public sealed class LoadBalancer : ComponentResource
{
    /// <summary>Public DNS name.</summary>
    [Output]
    public Output<string> DnsName { get; private set; }

    /// <summary>The load balancer's ARN suffix (app/&lt;name&gt;/&lt;id&gt;), as CloudWatch names it.</summary>
    public Output<string> ArnSuffix { get; }

    /// <summary>The target group that takes traffic first.</summary>
    public Lb.TargetGroup ProductionTargetGroup { get; }

    /// <summary>The group a blue/green deploy starts a new version in; idle under rolling.</summary>
    public Lb.TargetGroup AlternateTargetGroup { get; }

    /// <summary>The rule ECS shifts between the groups under blue/green.</summary>
    public Lb.ListenerRule ProductionRule { get; }

    /// <summary>The load balancer's options: with access logs, it waits for the bucket policy.</summary>
    public CustomResourceOptions LoadBalancerOptions { get; }

    /// <summary>The access-log bucket's options (whether it outlives the stack); null without access logs.</summary>
    public CustomResourceOptions? AccessLogBucketOptions { get; }

    /// <summary>The rule of the test listener, which ECS re-weights to send test traffic to a new version; null without one.</summary>
    public Lb.ListenerRule? TestRule { get; }

    /// <summary>The options of the production rule (ECS owns its weights).</summary>
    public CustomResourceOptions ProductionRuleOptions { get; }

    /// <summary>Everything that must exist before a service can be wired to the target groups.</summary>
    public IReadOnlyList<Resource> Routing { get; }

    /// <summary>Builds the load balancer of <paramref name="args"/>.</summary>
    public LoadBalancer(string name, LoadBalancerArgs args, ComponentResourceOptions? options = null)
        : base("widget:loadbalancer:LoadBalancer", name, options)
    {
        var design = args.Design;
        var child = new CustomResourceOptions { Parent = this };
        var logs = args.AccessLogs is { } logDesign ? new AccessLogBucket(logDesign, this) : null;
        AccessLogBucketOptions = logs?.BucketOptions;
        LoadBalancerOptions = new CustomResourceOptions { Parent = this, DependsOn = logs is null ? [] : [logs.Policy] };
        var albArgs = new Lb.LoadBalancerArgs
        {
            LoadBalancerType = "application",
            Internal = false,
            Subnets = args.PublicSubnetIds,
            SecurityGroups = { args.SecurityGroupId },
            DropInvalidHeaderFields = LoadBalancerDesign.DropInvalidHeaderFields,
            DesyncMitigationMode = LoadBalancerDesign.DesyncMitigationMode,
            EnableDeletionProtection = design.DeletionProtection,
            IdleTimeout = design.IdleTimeoutSeconds,
        };
        if (logs is not null)
        {
            albArgs.AccessLogs = new Lb.Inputs.LoadBalancerAccessLogsArgs { Enabled = true, Bucket = logs.Bucket.BucketName, Prefix = logs.Prefix };
        }

        var alb = new Lb.LoadBalancer(design.Name, albArgs, LoadBalancerOptions);
        if (args.Waf is { } waf)
        {
            WebFirewall.Create(waf, alb, this);
        }

        var groups = design.TargetGroups.Select(group => new Lb.TargetGroup(group.Name, new Lb.TargetGroupArgs
        {
            TargetType = TargetGroupDesign.TargetType,
            Protocol = TargetGroupDesign.Protocol,
            Port = TargetGroupDesign.Port,
            VpcId = args.VpcId,
            DeregistrationDelay = group.DeregistrationDelaySeconds,
            HealthCheck = new Lb.Inputs.TargetGroupHealthCheckArgs
            {
                Enabled = true,
                Protocol = TargetGroupDesign.Protocol,
                Port = TargetGroupDesign.HealthCheckPort,
                Path = group.HealthCheck.Path,
                Matcher = group.HealthCheck.Matcher,
                Interval = group.HealthCheck.IntervalSeconds,
                Timeout = group.HealthCheck.TimeoutSeconds,
                HealthyThreshold = group.HealthCheck.HealthyThreshold,
                UnhealthyThreshold = group.HealthCheck.UnhealthyThreshold,
            },
        }, new CustomResourceOptions { Parent = this, Aliases = { new Alias { Name = group.PreviousName } } })).ToList();
        ProductionTargetGroup = groups[0];
        AlternateTargetGroup = groups[1];

        var domainCertificateArn = design.Domain is { } domain ? new DomainName(domain, alb, this).CertificateArn : null;
        // The traffic listener first: a listener that redirects to HTTPS waits for HTTPS to exist.
        var listeners = new Dictionary<ListenerDesign, Lb.Listener>();
        foreach (var listener in design.Listeners.OrderBy(l => l.Action == ListenerAction.Forward ? 0 : 1))
        {
            Resource[] after = listener.Action == ListenerAction.Forward ? [] : [.. listeners.Values];
            listeners[listener] = new Lb.Listener(listener.Name, ListenerArgsFor(listener, alb, ProductionTargetGroup, domainCertificateArn), new CustomResourceOptions { Parent = this, DependsOn = after });
        }

        var rule = design.ProductionRule;
        ProductionRuleOptions = new CustomResourceOptions { Parent = this, IgnoreChanges = { "actions" } }; // ECS owns the weights during a deploy.
        ProductionRule = new Lb.ListenerRule(rule.Name, new Lb.ListenerRuleArgs
        {
            ListenerArn = listeners[design.TrafficListener].Arn,
            Priority = rule.Priority,
            Conditions = { new Lb.Inputs.ListenerRuleConditionArgs { PathPattern = new Lb.Inputs.ListenerRuleConditionPathPatternArgs { Values = { rule.PathPattern } } } },
            Actions = { Forward(groups) },
        }, ProductionRuleOptions);

        if (design.TestListener is { } test)
        {
            var testListener = new Lb.Listener(test.ListenerName, new Lb.ListenerArgs
            {
                LoadBalancerArn = alb.Arn,
                Port = test.Port,
                Protocol = TestListenerDesign.Protocol,
                DefaultActions = { DefaultAction(ListenerAction.Forward, ProductionTargetGroup) },
            }, child);
            TestRule = new Lb.ListenerRule(test.RuleName, new Lb.ListenerRuleArgs
            {
                ListenerArn = testListener.Arn,
                Priority = rule.Priority,
                Conditions = { new Lb.Inputs.ListenerRuleConditionArgs { PathPattern = new Lb.Inputs.ListenerRuleConditionPathPatternArgs { Values = { rule.PathPattern } } } },
                Actions = { Forward(groups) },
            }, new CustomResourceOptions { Parent = this, IgnoreChanges = { "actions" } }); // ECS owns the weights during a deploy.
            listeners[new ListenerDesign(test.ListenerName, test.Port, TestListenerDesign.Protocol, ListenerAction.Forward, null, null)] = testListener;
        }

        Routing = [.. listeners.Values, ProductionRule, .. TestRule is null ? Array.Empty<Resource>() : [TestRule]];
        DnsName = alb.DnsName;
        ArnSuffix = alb.ArnSuffix;
        RegisterOutputs(new Dictionary<string, object?> { ["dnsName"] = DnsName });
    }

    // Forward to both groups: all of it to the production group until ECS shifts the weights.
    private static Lb.Inputs.ListenerRuleActionArgs Forward(IReadOnlyList<Lb.TargetGroup> groups) => new()
    {
        Type = "forward",
        Forward = new Lb.Inputs.ListenerRuleActionForwardArgs
        {
            TargetGroups =
            {
                new Lb.Inputs.ListenerRuleActionForwardTargetGroupArgs { Arn = groups[0].Arn, Weight = 100 },
                new Lb.Inputs.ListenerRuleActionForwardTargetGroupArgs { Arn = groups[1].Arn, Weight = 0 },
            },
        },
    };

    private static Lb.ListenerArgs ListenerArgsFor(ListenerDesign listener, Lb.LoadBalancer alb, Lb.TargetGroup target, Output<string>? domainCertificateArn)
    {
        var args = new Lb.ListenerArgs
        {
            LoadBalancerArn = alb.Arn,
            Port = listener.Port,
            Protocol = listener.Protocol,
            DefaultActions = { DefaultAction(listener.Action, target) },
        };
        if (listener.SslPolicy is { } policy)
        {
            // A certificate named in the stack, else the domain's own once ACM has validated it.
            args.CertificateArn = listener.CertificateArn is { } certificate ? certificate : domainCertificateArn!;
            args.SslPolicy = policy;
        }

        return args;
    }

    private static Lb.Inputs.ListenerDefaultActionArgs DefaultAction(ListenerAction action, Lb.TargetGroup target) => action switch
    {
        ListenerAction.Forward => new() { Type = "forward", TargetGroupArn = target.Arn },
        _ => new()
        {
            Type = "redirect",
            Redirect = new Lb.Inputs.ListenerDefaultActionRedirectArgs
            {
                Protocol = "HTTPS",
                Port = FirewallDesign.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StatusCode = "HTTP_301",
            },
        },
    };
}
