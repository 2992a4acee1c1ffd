using System.Net;

namespace WidgetStack.Blueprint.Settings;

/// <summary>How NAT gateways are placed.</summary>
public enum NatStrategy
{
    /// <summary>One NAT gateway per zone; each private subnet routes through its own zone's.</summary>
    OnePerZone,

    /// <summary>One NAT gateway in the first zone for every private subnet: cheaper, loses egress with that zone.</summary>
    Single,
}

/// <summary>The VPC the stack builds.</summary>
/// <param name="VpcCidr">The VPC's IPv4 block.</param>
/// <param name="AvailabilityZones">Zones used, in order; one public and one private subnet each.</param>
/// <param name="Nat">NAT gateway placement.</param>
/// <param name="FlowLogs">Whether the VPC's traffic is recorded.</param>
/// <param name="Endpoints">Whether the VPC has endpoints for ECR, CloudWatch Logs and S3.</param>
public sealed record NetworkSettings(IPNetwork2 VpcCidr, IReadOnlyList<string> AvailabilityZones, NatStrategy Nat, bool FlowLogs = false, bool Endpoints = false)
{
    /// <summary>VPC prefix lengths AWS accepts (/16 to /28).</summary>
    public static readonly IntRange AwsVpcPrefix = new(16, 28);

    /// <summary>Zones per stack: an ALB needs 2; no region has more than 6.</summary>
    public static readonly IntRange ZoneCount = new(2, 6);
}
