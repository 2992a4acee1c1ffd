using WidgetStack.Blueprint.Config;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// The zones a stack names, checked against the zones its AWS account has in the region. The
/// offline check (<c>Rules/AwsRegions.json</c>) knows only the letters AWS uses; which of them an
/// account may use, and under which letter, is the account's own (AWS maps zone letters per
/// account in its oldest regions, and a zone can be closed to new accounts), so the program asks
/// EC2 (DescribeAvailabilityZones) at preview and refuses a zone the answer lacks.
/// </summary>
public static class AccountZones
{
    /// <summary>
    /// The error for the first zone of <paramref name="settings"/> that <paramref name="offered"/>
    /// lacks, or null when the account has every one.
    /// </summary>
    /// <param name="settings">The stack's settings.</param>
    /// <param name="offered">The Availability Zones the account has in the stack's region, as EC2 names them.</param>
    public static SettingsException? Refusal(WidgetSettings settings, IReadOnlyCollection<string> offered)
    {
        var zones = settings.Network.AvailabilityZones;
        if (zones.FirstOrDefault(zone => !offered.Contains(zone, StringComparer.Ordinal)) is not { } missing)
        {
            return null;
        }

        var has = offered.Count > 0 ? string.Join(", ", offered.Order(StringComparer.Ordinal)) : "none";
        var error = new SettingError(
            K.Qualified(K.AvailabilityZones),
            $"[{string.Join(", ", zones)}]",
            $"account {settings.AccountId} has no Availability Zone '{missing}' in {StackFile.RegionKey} {settings.Region} (EC2 DescribeAvailabilityZones)",
            $"{NetworkSettings.ZoneCount.Min} to {NetworkSettings.ZoneCount.Max} distinct zones the account has: {has}");
        return new SettingsException(settings.Stack, [error]);
    }
}
