using WidgetStack.Blueprint.Settings;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Controls;

/// <summary>A setting that makes a stack break a control, and the waiver it comes with, if any.</summary>
/// <param name="ControlId">The control the setting breaks.</param>
/// <param name="Breaks">Whether a stack's settings break it.</param>
/// <param name="Setting">The setting as the stack sets it, for messages.</param>
/// <param name="Reason">Why the control is waived for a stack that sets it; null when no waiver covers it.</param>
public sealed record ControlCause(string ControlId, Func<WidgetSettings, bool> Breaks, Func<WidgetSettings, string> Setting, Func<WidgetSettings, string>? Reason);

/// <summary>
/// Every setting that makes a stack break a control of the catalogue, and its waiver, in one place.
/// A waiver follows the setting, not the stack's name: whichever stack turns access logs off has
/// ELB.5 waived, with the reason, and a stack that sets none of these waives none.
/// </summary>
public static class Waivers
{
    /// <summary>The settings that break controls, with their waivers, in catalogue order.</summary>
    public static IReadOnlyList<ControlCause> Causes { get; } =
    [
        new("ELB.1", s => !s.LoadBalancer.Https, _ => $"{K.Qualified(K.CertificateArn)} and {K.Qualified(K.DomainName)} empty",
            _ => "the load balancer serves plain HTTP, for a stack only its developers use"),
        new("ELB.5", s => !s.LoadBalancer.AccessLogs, _ => $"{K.Qualified(K.AccessLogs)} = false",
            _ => "no access logs are kept: the requests are the developers' own"),
        new("ELB.6", s => !s.LoadBalancer.DeletionProtection, _ => $"{K.Qualified(K.DeletionProtection)} = false",
            _ => "the stack is torn down at will, so its load balancer is not protected from deletion"),
        new("ELB.16", s => !s.LoadBalancer.Waf, _ => $"{K.Qualified(K.Waf)} = false",
            _ => "no web ACL, which costs about 8 USD a month with its three managed rule groups"),
        new("EC2.6", s => !s.Network.FlowLogs, _ => $"{K.Qualified(K.FlowLogs)} = false",
            _ => "the stack holds no data worth auditing; flow logs' CloudWatch ingestion is paid per GB"),
        NoEndpoints("EC2.55"),
        NoEndpoints("EC2.56"),
        new("CloudWatch.16", s => s.Task.LogRetentionDays < ControlCatalogue.LogRetentionDays, s => $"{K.Qualified(K.LogRetentionDays)} = {s.Task.LogRetentionDays}",
            s => $"logs are kept {s.Task.LogRetentionDays} days, not {ControlCatalogue.LogRetentionDays}: they only serve debugging"),
    ];

    // Both ECR controls (API, Docker) fail for the one setting that leaves out the interface endpoints.
    private static ControlCause NoEndpoints(string control) =>
        new(control, s => !s.Network.Endpoints, _ => $"{K.Qualified(K.VpcEndpoints)} = false",
            _ => "image pulls go through NAT: with few deploys the endpoints cost more than the NAT data they spare");

    /// <summary>The waivers <paramref name="settings"/> grant: one per control a setting breaks and a waiver covers.</summary>
    public static IReadOnlyList<Waiver> For(WidgetSettings settings) => For(settings, Causes);

    /// <summary>The waivers <paramref name="causes"/> grant <paramref name="settings"/>.</summary>
    public static IReadOnlyList<Waiver> For(WidgetSettings settings, IEnumerable<ControlCause> causes) =>
        [.. causes.Where(c => c.Breaks(settings) && c.Reason is not null).Select(c => new Waiver(c.ControlId, c.Setting(settings), c.Reason!(settings)))];

    /// <summary>
    /// The controls <paramref name="settings"/> break that no waiver covers, each with the setting
    /// that breaks it: what the stack fails.
    /// </summary>
    public static IReadOnlyList<Waiver> Unwaived(WidgetSettings settings, IEnumerable<ControlCause> causes) =>
        [.. causes.Where(c => c.Breaks(settings) && c.Reason is null).Select(c => new Waiver(c.ControlId, c.Setting(settings), "no waiver covers it"))];
}
