using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Design;

/// <summary>What a listener does with a request.</summary>
public enum ListenerAction
{
    /// <summary>Forward to the production target group.</summary>
    Forward,

    /// <summary>Answer 301 to the same URL on HTTPS.</summary>
    RedirectToHttps,
}

/// <summary>A listener of the ALB.</summary>
/// <param name="Name">Logical name.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Protocol">HTTP or HTTPS.</param>
/// <param name="Action">Forward or redirect.</param>
/// <param name="CertificateArn">ACM certificate (HTTPS only).</param>
/// <param name="SslPolicy">TLS policy (HTTPS only).</param>
public sealed record ListenerDesign(string Name, int Port, string Protocol, ListenerAction Action, string? CertificateArn, string? SslPolicy);

/// <summary>How the ALB probes a target.</summary>
/// <param name="Path">HTTP path.</param>
/// <param name="IntervalSeconds">Seconds between probes.</param>
/// <param name="TimeoutSeconds">Seconds before a probe fails.</param>
/// <param name="HealthyThreshold">Successes to turn healthy.</param>
/// <param name="UnhealthyThreshold">Failures to turn unhealthy.</param>
/// <param name="Matcher">HTTP codes that count as healthy.</param>
public sealed record HealthCheckDesign(string Path, int IntervalSeconds, int TimeoutSeconds, int HealthyThreshold, int UnhealthyThreshold, string Matcher);

/// <summary>A target group of task IPs; ECS registers each task on the container port.</summary>
/// <param name="Name">Logical name, at most 24 characters so that Pulumi's auto-name fits AWS's 32.</param>
/// <param name="PreviousName">The logical name an earlier version gave the same group, kept as an alias so that the group is not replaced.</param>
/// <param name="DeregistrationDelaySeconds">Seconds a stopping task drains.</param>
/// <param name="HealthCheck">Probe settings.</param>
public sealed record TargetGroupDesign(string Name, string PreviousName, int DeregistrationDelaySeconds, HealthCheckDesign HealthCheck)
{
    /// <summary>Fargate (awsvpc) needs ip targets.</summary>
    public const string TargetType = "ip";

    /// <summary>Protocol from the ALB to the tasks.</summary>
    public const string Protocol = "HTTP";

    /// <summary>
    /// The group's own port, fixed: it is only the default for targets registered without a port
    /// ("The port on which the targets receive traffic. This port is used unless you specify a port
    /// override when registering the target.", ELB API reference, CreateTargetGroup, Port,
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html),
    /// and ECS registers every task with the container port. A port that followed widget:containerPort would replace the group
    /// (the port forces a new target group) and move traffic to an empty one. 3333, the widget
    /// server's port, so groups made when the port followed the container port keep theirs.
    /// </summary>
    public const int Port = 3333;

    /// <summary>
    /// The health check probes each target on the port it was registered with: "If the protocol is
    /// HTTP, HTTPS, TCP, TLS, UDP, or TCP_UDP, the default is traffic-port, which is the port on which
    /// each target receives traffic from the load balancer" (ELB API reference, CreateTargetGroup,
    /// HealthCheckPort, as the AWS SDK for Kotlin reference quotes it:
    /// https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/elasticloadbalancingv2/aws.sdk.kotlin.services.elasticloadbalancingv2.model/-create-target-group-request/-builder/health-check-port.html).
    /// Set, not left to the default, so the group never probes its own fixed <see cref="Port"/>.
    /// </summary>
    public const string HealthCheckPort = "traffic-port";
}

/// <summary>
/// The production listener rule that ECS re-weights between the two target groups during a
/// blue/green deploy (the program must not fight those changes). Built under every strategy, so
/// that switching strategies changes the service alone and never where traffic goes.
/// </summary>
/// <param name="Name">Logical name.</param>
/// <param name="Priority">Rule priority on the traffic listener.</param>
/// <param name="PathPattern">Requests it matches: all of them.</param>
/// <param name="ProductionTargetGroup">Group that starts with all traffic.</param>
/// <param name="AlternateTargetGroup">Group a new version starts in.</param>
public sealed record ProductionRuleDesign(string Name, int Priority, string PathPattern, string ProductionTargetGroup, string AlternateTargetGroup);

/// <summary>
/// The listener ECS sends test traffic to (blue/green, linear, canary): before production traffic
/// shifts, its rule sends requests to the new version, so ops can check it; only the stack's
/// test networks reach its port.
/// </summary>
/// <param name="ListenerName">Logical name of the listener.</param>
/// <param name="Port">Its TCP port.</param>
/// <param name="RuleName">Logical name of its rule, which ECS re-weights.</param>
/// <param name="Cidrs">Networks that may reach it.</param>
public sealed record TestListenerDesign(string ListenerName, int Port, string RuleName, IReadOnlyList<string> Cidrs)
{
    /// <summary>Plain HTTP: the listener is for ops on known networks, not for users.</summary>
    public const string Protocol = "HTTP";
}

/// <summary>
/// The service's own DNS name: an ACM certificate requested for it and validated by a DNS record
/// in its hosted zone (the HTTPS listener waits for the validation), and an alias record that
/// points the name at the load balancer.
/// </summary>
/// <param name="Name">The DNS name.</param>
/// <param name="HostedZoneId">The Route 53 zone that holds the records.</param>
/// <param name="HostedZoneName">The zone's apex.</param>
public sealed record DomainDesign(string Name, string HostedZoneId, string HostedZoneName)
{
    /// <summary>ACM proves control of the name through a CNAME record in the zone.</summary>
    public const string ValidationMethod = "DNS";

    /// <summary>An alias A record: free, and follows the load balancer's addresses.</summary>
    public const string AliasRecordType = "A";

    /// <summary>Seconds resolvers keep the validation record.</summary>
    public const int ValidationRecordTtlSeconds = 300;
}

/// <summary>The internet-facing Application Load Balancer in the public subnets.</summary>
/// <param name="Name">Logical name, at most 24 characters.</param>
/// <param name="Listeners">Listeners; the forwarding one carries the traffic.</param>
/// <param name="TargetGroups">The production group and the alternate one, under every strategy.</param>
/// <param name="ProductionRule">The production listener rule over both groups.</param>
/// <param name="DeletionProtection">Whether deletion is refused (ELB.6).</param>
/// <param name="IdleTimeoutSeconds">Seconds an idle connection stays open.</param>
/// <param name="Domain">The service's DNS name, its certificate and alias, or null.</param>
/// <param name="TestListener">The listener for ECS's test traffic, or null.</param>
public sealed record LoadBalancerDesign(
    string Name,
    IReadOnlyList<ListenerDesign> Listeners,
    IReadOnlyList<TargetGroupDesign> TargetGroups,
    ProductionRuleDesign ProductionRule,
    bool DeletionProtection,
    int IdleTimeoutSeconds,
    DomainDesign? Domain,
    TestListenerDesign? TestListener = null)
{
    /// <summary>Longest logical name of an auto-named ALB or target group: 32 minus Pulumi's 8-character suffix.</summary>
    public const int MaxLogicalNameLength = 24;

    /// <summary>TLS policy with TLS 1.3 (ELB.17).</summary>
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Drop headers with invalid fields (ELB.4).</summary>
    public const bool DropInvalidHeaderFields = true;

    /// <summary>Desync mitigation mode (ELB.12 accepts defensive or strictest).</summary>
    public const string DesyncMitigationMode = "defensive";

    /// <summary>The listener that forwards traffic to the tasks.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public ListenerDesign TrafficListener => Listeners.Single(l => l.Action == ListenerAction.Forward);

    /// <summary>The target group that takes traffic first.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public TargetGroupDesign ProductionTargetGroup => TargetGroups[0];

    /// <summary>The group a blue/green deploy starts the new version in.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public TargetGroupDesign AlternateTargetGroup => TargetGroups[1];

    /// <summary>
    /// Derives listeners and target groups. Both groups and the production rule exist under every
    /// strategy: a rolling service uses the first, and switching to blue/green (or back) then only
    /// changes the service, never the groups traffic goes to.
    /// </summary>
    public static LoadBalancerDesign From(LoadBalancerSettings settings)
    {
        var check = settings.HealthCheck;
        var health = new HealthCheckDesign(check.Path, check.IntervalSeconds, check.TimeoutSeconds, check.HealthyThreshold, check.UnhealthyThreshold, "200");
        TargetGroupDesign Group(string name, string previousName) => new(name, previousName, settings.DeregistrationDelaySeconds, health);

        // Earlier versions named the blue/green groups widget-blue and widget-green.
        TargetGroupDesign[] groups = [Group("widget-tasks", "widget-blue"), Group("widget-alternate", "widget-green")];
        var listeners = settings.Https
            ? new[]
            {
                new ListenerDesign("widget-https", FirewallDesign.HttpsPort, "HTTPS", ListenerAction.Forward, settings.CertificateArn, TlsPolicy),
                new ListenerDesign("widget-http", FirewallDesign.HttpPort, "HTTP", ListenerAction.RedirectToHttps, null, null),
            }
            : [new ListenerDesign("widget-http", FirewallDesign.HttpPort, "HTTP", ListenerAction.Forward, null, null)];
        var rule = new ProductionRuleDesign("widget-production", 1, "/*", groups[0].Name, groups[1].Name);
        var domain = settings.Domain is { } d ? new DomainDesign(d.Name, d.HostedZoneId, d.HostedZoneName) : null;
        var test = settings.TestListener is { } t ? new TestListenerDesign("widget-test", t.Port, "widget-test-rule", t.Cidrs) : null;
        return new LoadBalancerDesign("widget-alb", listeners, groups, rule, settings.DeletionProtection, IdleTimeoutSeconds: 60, domain, test);
    }
}
