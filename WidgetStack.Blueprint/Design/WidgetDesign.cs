using System.Text.Json.Serialization;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Design;

/// <summary>Everything one stack builds, as plain data: what the Pulumi program projects into resources.</summary>
/// <param name="Settings">The validated settings it came from (a diff compares them by key, not as design).</param>
/// <param name="Network">VPC, subnets, NAT.</param>
/// <param name="Firewall">Security groups and rules.</param>
/// <param name="LoadBalancer">ALB, listeners, target groups.</param>
/// <param name="AccessLogs">The ALB's access logs and their bucket, or null when off.</param>
/// <param name="Waf">The web ACL in front of the ALB, or null when off.</param>
/// <param name="LogEncryption">The KMS key of the stack's log groups, or null when off.</param>
/// <param name="Monitoring">Alarms, their topic and who is mailed.</param>
/// <param name="Service">Cluster, task definition, service.</param>
/// <param name="Iam">Roles.</param>
/// <param name="Warnings">Choices that are allowed but fall short of a security control or of resilience.</param>
/// <param name="Tags">Tags every taggable resource carries: who owns it and which stack made it.</param>
public sealed record WidgetDesign(
    [property: JsonIgnore] WidgetSettings Settings,
    NetworkDesign Network,
    FirewallDesign Firewall,
    LoadBalancerDesign LoadBalancer,
    AccessLogDesign? AccessLogs,
    WafDesign? Waf,
    LogEncryptionDesign? LogEncryption,
    MonitoringDesign Monitoring,
    ServiceDesign Service,
    IamDesign Iam,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The value of the ManagedBy tag.</summary>
    public const string ManagedBy = "pulumi";

    /// <summary>Reads, validates and designs one stack from its files.</summary>
    /// <exception cref="ConfigFileException">A file cannot be read.</exception>
    /// <exception cref="SettingsException">The stack breaks rules; all are listed.</exception>
    public static WidgetDesign Load(string directory, string stack) =>
        From(SettingsReader.Read(StackFile.Load(directory, stack)));

    /// <summary>Designs the stack from validated settings.</summary>
    public static WidgetDesign From(WidgetSettings settings)
    {
        var service = ServiceDesign.From(settings);
        var loadBalancer = LoadBalancerDesign.From(settings.LoadBalancer);
        var shiftsTraffic = settings.Deployment.Strategy.ShiftsTraffic();
        var network = NetworkDesign.From(
            settings.Network,
            new FlowLogDesign($"/vpc/{settings.Project}/{settings.Stack}/flow-logs", settings.Task.LogRetentionDays, settings.LoadBalancer.DeletionProtection),
            settings.Region);
        return new WidgetDesign(
            settings,
            network,
            FirewallDesign.From(settings.Task.ContainerPort, settings.LoadBalancer.Https, settings.Network.Endpoints, settings.LoadBalancer.TestListener),
            loadBalancer,
            AccessLogDesign.From(settings),
            WafDesign.From(settings.LoadBalancer.Waf, settings.LoadBalancer.WafLargeBodies),
            LogEncryptionDesign.From(settings.Task.LogEncryption, settings.Task.Image.Partition, settings.Region, settings.AccountId, settings.LoadBalancer.DeletionProtection),
            MonitoringDesign.From(settings, loadBalancer.TargetGroups.Select(g => g.Name)),
            service,
            IamDesign.From(settings.Task.Image.Partition, settings.Region, settings.AccountId, settings.Task.Image.RepositoryArn, service.Task.Logs.GroupName, shiftsTraffic, network.FlowLogs?.LogGroupName, service.Exec),
            WarningsFor(settings),
            new Dictionary<string, string> { ["Project"] = settings.Project, ["Stack"] = settings.Stack, ["ManagedBy"] = ManagedBy });
    }

    private static List<string> WarningsFor(WidgetSettings settings)
    {
        var warnings = new List<string>();
        if (!PrivateAddressSpace.Contains(settings.Network.VpcCidr))
        {
            warnings.Add($"VPC {settings.Network.VpcCidr} is not RFC 1918 private space ({string.Join(", ", PrivateAddressSpace.Blocks)}): "
                + $"the tasks cannot reach the hosts on the internet that own its addresses; set {SettingKeys.Qualified(SettingKeys.VpcCidr)} to a private block such as 10.0.0.0/16.");
        }

        if (!settings.LoadBalancer.Https)
        {
            warnings.Add($"HTTP only (Security Hub ELB.1): set {SettingKeys.Qualified(SettingKeys.CertificateArn)} to serve HTTPS.");
        }

        if (!settings.LoadBalancer.AccessLogs)
        {
            warnings.Add($"No load balancer access logs (Security Hub ELB.5): set {SettingKeys.Qualified(SettingKeys.AccessLogs)} to keep a record of every request.");
        }

        if (!settings.LoadBalancer.Waf)
        {
            warnings.Add($"No web application firewall (ELB.16): set {SettingKeys.Qualified(SettingKeys.Waf)} to filter common exploits before they reach the tasks.");
        }

        if (!settings.Network.Endpoints)
        {
            warnings.Add($"No VPC endpoints (Security Hub EC2.55, EC2.56): image pulls and logs leave the VPC through NAT; set {SettingKeys.Qualified(SettingKeys.VpcEndpoints)} to keep them inside.");
        }

        if (!settings.Network.FlowLogs)
        {
            warnings.Add("No VPC flow logs (Security Hub EC2.6): traffic to and from the tasks is not recorded.");
        }

        if (settings.Network.Nat == NatStrategy.Single)
        {
            warnings.Add($"One NAT gateway: losing {settings.Network.AvailabilityZones[0]} cuts egress for every private subnet.");
        }

        if (!settings.Deployment.CircuitBreaker)
        {
            warnings.Add("No deployment circuit breaker: a failing release keeps retrying instead of stopping.");
        }

        if (settings.Alarms.MonthlyBudgetUsd > 0 && settings.Alarms.Emails.Count == 0)
        {
            warnings.Add($"Budget alerts ({settings.Alarms.MonthlyBudgetUsd} USD a month, at {settings.Alarms.BudgetAlertPercent}%) go to the alarm topic, which mails nobody: "
                + $"set {SettingKeys.Qualified(SettingKeys.AlarmEmails)} so that someone reads them.");
        }

        if (settings.Scaling.Fewest < 2)
        {
            warnings.Add("One replica: a task or zone failure takes the service down until ECS replaces it.");
        }

        return warnings;
    }
}
