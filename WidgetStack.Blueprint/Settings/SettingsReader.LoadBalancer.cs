using System.Net;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

// The part of the settings reader that reads the listeners, health check, domain and test listener.
public static partial class SettingsReader
{
    /// <summary>
    /// The test listener: a port and the networks that may reach it, together or not at all, only
    /// for the strategies that have ECS shift traffic (its test listener rule is part of them).
    /// </summary>
    private static TestListenerSettings? ReadTestListener(ConfigReader reader, DeploymentStrategy strategy, int containerPort)
    {
        var port = reader.Integer(K.TestListenerPort, TestListenerSettings.PortOrNone, "TCP port (0 for none)");
        const string cidrsAllowed = "IPv4 CIDR blocks such as 203.0.113.0/24, with testListenerPort set; empty without it";
        var cidrs = reader.List(K.TestListenerCidrs, cidrsAllowed);
        if (!reader.AllValid(K.TestListenerPort, K.TestListenerCidrs, K.DeploymentStrategy))
        {
            return null;
        }

        foreach (var cidr in cidrs.Where(c => !IsIpv4Cidr(c)))
        {
            reader.Fail(K.TestListenerCidrs, $"'{cidr}' is not an IPv4 CIDR block", cidrsAllowed);
        }

        if (port == 0)
        {
            if (cidrs.Count > 0)
            {
                reader.Fail(K.TestListenerCidrs, $"set without {K.Qualified(K.TestListenerPort)}", $"empty, or set {K.Qualified(K.TestListenerPort)} too");
            }

            return null;
        }

        if (port is FirewallDesign.HttpPort or FirewallDesign.HttpsPort || port == containerPort)
        {
            reader.Fail(K.TestListenerPort, $"{port} is taken by the production listeners or the container", $"a port other than {FirewallDesign.HttpPort}, {FirewallDesign.HttpsPort} and {K.Qualified(K.ContainerPort)} = {containerPort}");
        }

        if (cidrs.Count == 0)
        {
            reader.Fail(K.TestListenerPort, $"set without {K.Qualified(K.TestListenerCidrs)}, so nobody could reach it", $"0, or set {K.Qualified(K.TestListenerCidrs)} too");
        }

        if (!strategy.ShiftsTraffic())
        {
            reader.Fail(K.TestListenerPort, $"set while {K.Qualified(K.DeploymentStrategy)} is {Word(strategy)}, which sends no test traffic", $"0, or {K.Qualified(K.DeploymentStrategy)} = blueGreen, linear or canary");
        }

        return new TestListenerSettings(port, cidrs);
    }

    private static bool IsIpv4Cidr(string text) =>
        text.Split('/') is [var address, var prefix]
        && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.Count(c => c == '.') == 3
        && byte.TryParse(prefix, out var bits) && bits <= 32
        && IPNetwork2.Parse(address, bits).Network.Equals(ip);

    private static LoadBalancerSettings ReadLoadBalancer(ConfigReader reader, string region)
    {
        var certificateAllowed = $"empty, or an ACM certificate ARN in {(region.Length > 0 ? region : "the stack's region")}";
        var certificate = reader.Text(K.CertificateArn, certificateAllowed, emptyIsUnset: true);
        if (certificate is not null and not LoadBalancerSettings.SecretPlaceholder && region.Length > 0
            && !AwsNames.IsCertificateArnIn(certificate, region))
        {
            reader.Fail(K.CertificateArn, "not an ACM certificate ARN of the stack's region", certificateAllowed);
        }

        var protection = reader.Boolean(K.DeletionProtection);
        var pathAllowed = $"a path starting with /, at most {HealthCheckSettings.MaxPathLength} characters, no spaces";
        var path = reader.Text(K.HealthCheckPath, pathAllowed) ?? "/";
        if (reader.AllValid(K.HealthCheckPath)
            && (!path.StartsWith('/') || path.Length > HealthCheckSettings.MaxPathLength || path.Any(char.IsWhiteSpace)))
        {
            reader.Fail(K.HealthCheckPath, "not a health check path", pathAllowed);
        }

        var interval = reader.Integer(K.HealthCheckIntervalSeconds, HealthCheckSettings.Interval, "seconds");
        var timeout = reader.Integer(K.HealthCheckTimeoutSeconds, HealthCheckSettings.Timeout, "seconds");
        if (reader.AllValid(K.HealthCheckIntervalSeconds, K.HealthCheckTimeoutSeconds) && timeout >= interval)
        {
            reader.Fail(K.HealthCheckTimeoutSeconds, $"not less than {K.Qualified(K.HealthCheckIntervalSeconds)} = {interval}", $"{HealthCheckSettings.Timeout.Min} to {interval - 1} seconds");
        }

        var healthy = reader.Integer(K.HealthyThreshold, HealthCheckSettings.Threshold, "checks");
        var unhealthy = reader.Integer(K.UnhealthyThreshold, HealthCheckSettings.Threshold, "checks");
        var delay = reader.Integer(K.DeregistrationDelaySeconds, LoadBalancerSettings.DeregistrationDelay, "seconds");
        var accessLogs = reader.Boolean(K.AccessLogs);
        var accessLogDays = reader.Integer(K.AccessLogRetentionDays, LoadBalancerSettings.AccessLogRetention, "days");
        var domain = ReadDomain(reader, certificate);
        var waf = reader.Boolean(K.Waf);
        var largeBodies = reader.Boolean(K.WafLargeBodies);
        if (largeBodies && !waf && reader.AllValid(K.Waf, K.WafLargeBodies))
        {
            reader.Fail(K.WafLargeBodies, $"true needs {K.Qualified(K.Waf)} = true: without a web ACL no rule blocks a large body", $"false, or turn {K.Qualified(K.Waf)} on");
        }

        return new LoadBalancerSettings(certificate, protection, new HealthCheckSettings(path, interval, timeout, healthy, unhealthy), delay, domain, accessLogs, accessLogDays, waf, largeBodies);
    }

    private static DomainSettings? ReadDomain(ConfigReader reader, string? certificate)
    {
        var zone = $"{K.Qualified(K.HostedZoneId)} and {K.Qualified(K.HostedZoneName)}";
        var nameAllowed = $"empty, or a DNS name such as widgets.example.com inside {K.Qualified(K.HostedZoneName)}, with {zone} set";
        var name = reader.Text(K.DomainName, nameAllowed, emptyIsUnset: true);
        var zoneId = reader.Text(K.HostedZoneId, "empty, or a Route 53 hosted zone id: Z and 4 to 31 upper-case letters or digits", emptyIsUnset: true);
        var zoneName = reader.Text(K.HostedZoneName, "empty, or the DNS name of the hosted zone's apex, e.g. example.com", emptyIsUnset: true);
        if (zoneId is not null && !AwsNames.IsHostedZoneId(zoneId))
        {
            reader.Fail(K.HostedZoneId, "not a Route 53 hosted zone id", "Z and 4 to 31 upper-case letters or digits, e.g. Z0123456789ABCDEFGHIJ");
        }

        if (zoneName is not null && !AwsNames.IsDnsName(zoneName))
        {
            reader.Fail(K.HostedZoneName, NotADnsName(zoneName), "the hosted zone's apex, e.g. example.com");
        }

        if (name is null)
        {
            return null;
        }

        if (!AwsNames.IsDnsName(name))
        {
            reader.Fail(K.DomainName, NotADnsName(name), nameAllowed);
        }
        else if (certificate is not null)
        {
            reader.Fail(K.DomainName, $"set together with {K.Qualified(K.CertificateArn)}; the program requests the domain's certificate itself", $"either {K.Qualified(K.DomainName)} or {K.Qualified(K.CertificateArn)}, not both");
        }
        else if (zoneId is null || zoneName is null)
        {
            reader.Fail(K.DomainName, $"set without {zone}, which hold its validation and alias records", nameAllowed);
        }
        else if (AwsNames.IsDnsName(zoneName) && !AwsNames.IsWithin(name, zoneName))
        {
            reader.Fail(K.DomainName, $"not inside the hosted zone {zoneName}", nameAllowed);
        }

        return new DomainSettings(name.ToLowerInvariant(), zoneId ?? "", zoneName ?? "");
    }

    // The Route 53 console writes names fully qualified, with a final dot ("example.com."); the stack takes them without it.
    private static string NotADnsName(string text) =>
        text.EndsWith('.') && AwsNames.IsDnsName(text[..^1])
            ? $"not a DNS name as the stack takes it: drop the trailing dot (Route 53 shows names fully qualified; write {text[..^1]})"
            : "not a DNS name";
}
