using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Design;

/// <summary>One zone's slice of the VPC.</summary>
/// <param name="Zone">Availability zone name.</param>
/// <param name="PublicSubnetCidr">Public subnet (ALB nodes, NAT gateway), routed to the internet gateway.</param>
/// <param name="PrivateSubnetCidr">Private subnet (tasks), routed to a NAT gateway.</param>
/// <param name="HasNatGateway">Whether a NAT gateway sits in this zone's public subnet.</param>
/// <param name="EgressNatZone">The zone whose NAT gateway the private subnet routes through.</param>
public sealed record ZoneSubnets(string Zone, string PublicSubnetCidr, string PrivateSubnetCidr, bool HasNatGateway, string EgressNatZone);

/// <summary>Where the VPC's traffic records go (Security Hub EC2.6).</summary>
/// <param name="LogGroupName">CloudWatch log group, created by the program.</param>
/// <param name="RetentionDays">Days kept.</param>
/// <param name="Retain">Keep the group and its records when flow logs are turned off or the stack destroyed (with deletion protection on).</param>
public sealed record FlowLogDesign(string LogGroupName, int RetentionDays, bool Retain)
{
    /// <summary>Accepted and rejected traffic alike.</summary>
    public const string TrafficType = "ALL";

    /// <summary>Seconds a record aggregates (60 or 600; 600 writes a tenth of the records).</summary>
    public const int MaxAggregationIntervalSeconds = 600;
}

/// <summary>The VPC: its block, one public and one private subnet per zone, and NAT placement.</summary>
/// <param name="VpcCidr">The VPC's IPv4 block.</param>
/// <param name="Zones">Per-zone subnets, in zone order.</param>
/// <param name="Nat">NAT gateway placement.</param>
/// <param name="PublicSubnetPrefix">Prefix length of every public subnet.</param>
/// <param name="PrivateSubnetPrefix">Prefix length of every private subnet.</param>
/// <param name="FlowLogs">Flow log destination, or null when flow logs are off.</param>
/// <param name="Endpoints">VPC endpoints for ECR, CloudWatch Logs and S3, or null when off.</param>
public sealed record NetworkDesign(
    string VpcCidr, IReadOnlyList<ZoneSubnets> Zones, NatStrategy Nat, int PublicSubnetPrefix, int PrivateSubnetPrefix, FlowLogDesign? FlowLogs, EndpointsDesign? Endpoints = null)
{
    /// <summary>NAT gateways built (each has an Elastic IP).</summary>
    public int NatGatewayCount => Zones.Count(z => z.HasNatGateway);

    /// <summary>Usable addresses per private subnet (AWS reserves 5).</summary>
    public long PrivateSubnetUsableAddresses => SubnetLayout.UsableAddresses(PrivateSubnetPrefix);

    /// <summary>Usable addresses per public subnet (AWS reserves 5).</summary>
    public long PublicSubnetUsableAddresses => SubnetLayout.UsableAddresses(PublicSubnetPrefix);

    /// <summary>Lays the VPC out by <see cref="SubnetLayout"/>; flow logs, when on, go to <paramref name="flowLogs"/>.</summary>
    public static NetworkDesign From(NetworkSettings network, FlowLogDesign? flowLogs = null, string region = "")
    {
        var zones = network.AvailabilityZones;
        var zoneSubnets = zones.Select((zone, i) => new ZoneSubnets(
            zone,
            SubnetLayout.PublicSubnet(network.VpcCidr, i).ToString(),
            SubnetLayout.PrivateSubnet(network.VpcCidr, i).ToString(),
            HasNatGateway: network.Nat == NatStrategy.OnePerZone || i == 0,
            EgressNatZone: network.Nat == NatStrategy.OnePerZone ? zone : zones[0])).ToList();
        return new NetworkDesign(
            network.VpcCidr.ToString(),
            zoneSubnets,
            network.Nat,
            network.VpcCidr.Cidr + SubnetLayout.PublicExtraBits,
            network.VpcCidr.Cidr + SubnetLayout.PrivateExtraBits,
            network.FlowLogs ? flowLogs : null,
            EndpointsDesign.From(network.Endpoints, region, zones.Count));
    }
}
