using WidgetStack.Blueprint.Settings;
using Aws = Pulumi.Aws;

namespace WidgetStack;

/// <summary>
/// Asks EC2 which Availability Zones the stack's account has in its region and refuses a stack
/// that names another (<see cref="AccountZones"/>), before any resource is registered.
/// </summary>
internal static class AccountZoneCheck
{
    /// <summary>
    /// The DescribeAvailabilityZones filter that keeps Availability Zones and drops Local and
    /// Wavelength Zones, which the API lists too once opted in (filter <c>zone-type</c>, AWS EC2 API
    /// Reference, DescribeAvailabilityZones: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html;
    /// the values are those of AvailabilityZone.ZoneType).
    /// </summary>
    public const string ZoneTypeFilter = "zone-type";

    /// <summary>The <see cref="ZoneTypeFilter"/> value of an Availability Zone.</summary>
    public const string AvailabilityZoneType = "availability-zone";

    /// <summary>Throws a <see cref="SettingsException"/> when the account lacks a zone of <paramref name="settings"/>.</summary>
    public static void Require(WidgetSettings settings)
    {
        // A Stack is built in its constructor, which cannot await; the answer is needed before the
        // first resource registers, so the call blocks here, once, on the engine's reply.
        var offered = Aws.GetAvailabilityZones.InvokeAsync(new Aws.GetAvailabilityZonesArgs
        {
            Region = settings.Region,
            Filters = { new Aws.Inputs.GetAvailabilityZonesFilterArgs { Name = ZoneTypeFilter, Values = { AvailabilityZoneType } } },
        }).GetAwaiter().GetResult();

        if (AccountZones.Refusal(settings, offered.Names) is { } refusal)
        {
            throw refusal;
        }
    }
}
