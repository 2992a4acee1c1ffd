namespace WidgetStack.Blueprint.Settings;

/// <summary>Target-group health check.</summary>
/// <param name="Path">HTTP path probed.</param>
/// <param name="IntervalSeconds">Seconds between checks.</param>
/// <param name="TimeoutSeconds">Seconds before a check fails; less than the interval.</param>
/// <param name="HealthyThreshold">Consecutive successes to turn healthy.</param>
/// <param name="UnhealthyThreshold">Consecutive failures to turn unhealthy.</param>
public sealed record HealthCheckSettings(string Path, int IntervalSeconds, int TimeoutSeconds, int HealthyThreshold, int UnhealthyThreshold)
{
    /// <summary>HealthCheckIntervalSeconds bounds (ELB API).</summary>
    public static readonly IntRange Interval = new(5, 300);

    /// <summary>HealthCheckTimeoutSeconds bounds (ELB API).</summary>
    public static readonly IntRange Timeout = new(2, 120);

    /// <summary>Healthy and unhealthy threshold bounds (ELB API).</summary>
    public static readonly IntRange Threshold = new(2, 10);

    /// <summary>Longest health check path (ELB API).</summary>
    public const int MaxPathLength = 1024;
}

/// <summary>The public entry point.</summary>
/// <param name="CertificateArn">ACM certificate for HTTPS, or null for HTTP only.</param>
/// <param name="DeletionProtection">Whether the ALB refuses deletion.</param>
/// <param name="HealthCheck">How targets are probed.</param>
/// <param name="DeregistrationDelaySeconds">Seconds a stopping target drains.</param>
/// <param name="Domain">The DNS name the service answers on and its hosted zone, or null.</param>
/// <param name="AccessLogs">Whether the ALB writes access logs to a bucket of the stack.</param>
/// <param name="AccessLogRetentionDays">Days the access logs are kept.</param>
/// <param name="Waf">Whether a WAF web ACL filters the load balancer's requests.</param>
/// <param name="WafLargeBodies">Whether the web ACL lets request bodies over 8 KB through (counts them instead of blocking them).</param>
/// <param name="TestListener">The listener ECS sends test traffic to before production traffic shifts, or null.</param>
public sealed record LoadBalancerSettings(
    string? CertificateArn,
    bool DeletionProtection,
    HealthCheckSettings HealthCheck,
    int DeregistrationDelaySeconds,
    DomainSettings? Domain,
    bool AccessLogs,
    int AccessLogRetentionDays,
    bool Waf = false,
    bool WafLargeBodies = false,
    TestListenerSettings? TestListener = null)
{
    /// <summary>Days access logs may be kept: at least one, at most ten years.</summary>
    public static readonly IntRange AccessLogRetention = new(1, 3650);

    /// <summary>Shown instead of a <c>secure:</c> value.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>deregistration_delay.timeout_seconds bounds (ELB API).</summary>
    public static readonly IntRange DeregistrationDelay = new(0, 3600);

    /// <summary>Whether the ALB serves HTTPS.</summary>
    public bool Https => CertificateArn is not null || Domain is not null;
}

/// <summary>A DNS name of the service, in a Route 53 hosted zone of the account.</summary>
/// <param name="Name">The name, e.g. <c>widgets.example.com</c>.</param>
/// <param name="HostedZoneId">The zone's id, e.g. <c>Z0123456789ABCDEFGHIJ</c>.</param>
/// <param name="HostedZoneName">The zone's apex, e.g. <c>example.com</c>.</param>
public sealed record DomainSettings(string Name, string HostedZoneId, string HostedZoneName);

/// <summary>A listener for ECS's test traffic, reachable only from the given networks.</summary>
/// <param name="Port">Its TCP port: not 80, 443 or the container port.</param>
/// <param name="Cidrs">IPv4 blocks that may reach it.</param>
public sealed record TestListenerSettings(int Port, IReadOnlyList<string> Cidrs)
{
    /// <summary>0 means no test listener.</summary>
    public static readonly IntRange PortOrNone = new(0, 65535);
}
