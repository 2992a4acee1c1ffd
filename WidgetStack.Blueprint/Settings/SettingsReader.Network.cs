using System.Net;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

// The part of the settings reader that reads the VPC range, the zones and NAT, and whether the subnets hold the most tasks a deploy runs.
public static partial class SettingsReader
{
    private static readonly Dictionary<string, NatStrategy> NatChoices = new()
    {
        ["onePerZone"] = NatStrategy.OnePerZone,
        ["single"] = NatStrategy.Single,
    };

    private static NetworkSettings ReadNetwork(ConfigReader reader, string region)
    {
        var cidrText = reader.Text(K.VpcCidr, "an IPv4 CIDR block such as 10.0.0.0/16");
        var vpc = ParseVpcCidr(reader, cidrText);

        var zoneAllowed = region.Length > 0
            ? $"{NetworkSettings.ZoneCount.Min} to {NetworkSettings.ZoneCount.Max} distinct zones of {region}: {string.Join(", ", AwsRegions.All.ZonesOf(region))}"
            : $"{NetworkSettings.ZoneCount.Min} to {NetworkSettings.ZoneCount.Max} distinct zones of the stack's region, e.g. us-east-1a";
        var zones = reader.List(K.AvailabilityZones, zoneAllowed);
        if (reader.AllValid(K.AvailabilityZones))
        {
            if (!NetworkSettings.ZoneCount.Contains(zones.Count))
            {
                reader.Fail(K.AvailabilityZones, $"{zones.Count} zone(s); an Application Load Balancer needs at least 2", zoneAllowed);
            }
            else if (zones.Distinct(StringComparer.Ordinal).Count() != zones.Count)
            {
                reader.Fail(K.AvailabilityZones, "a zone is listed twice", zoneAllowed);
            }
            else if (region.Length > 0 && zones.FirstOrDefault(z => !AwsNames.IsZoneOf(z, region)) is { } stray)
            {
                reader.Fail(
                    K.AvailabilityZones,
                    stray.StartsWith(region, StringComparison.Ordinal) && stray.Length == region.Length + 1
                        ? $"'{stray}' is not a zone AWS has in {StackFile.RegionKey} {region}"
                        : $"'{stray}' is not a zone of {StackFile.RegionKey} {region}",
                    zoneAllowed);
            }
        }

        var nat = reader.Choice(K.NatGateways, NatChoices);
        var flowLogs = reader.Boolean(K.FlowLogs);
        var endpoints = reader.Boolean(K.VpcEndpoints);
        return new NetworkSettings(vpc, zones, nat, flowLogs, endpoints);
    }

    private static IPNetwork2 ParseVpcCidr(ConfigReader reader, string? text)
    {
        var fallback = IPNetwork2.Parse("10.0.0.0/16");
        if (text is null)
        {
            return fallback;
        }

        var allowed = $"an IPv4 network address with a prefix of /{NetworkSettings.AwsVpcPrefix.Min} to /{SubnetLayout.LargestVpcPrefix}";
        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || parts[0].Count(c => c == '.') != 3
            || !byte.TryParse(parts[1], out var prefix) || prefix > 32)
        {
            reader.Fail(K.VpcCidr, "not an IPv4 CIDR block", allowed);
            return fallback;
        }

        var network = IPNetwork2.Parse(parts[0], prefix);
        if (!network.Network.Equals(address))
        {
            reader.Fail(K.VpcCidr, $"host bits are set; the network address is {network}", allowed);
        }
        else if (!NetworkSettings.AwsVpcPrefix.Contains(prefix))
        {
            reader.Fail(K.VpcCidr, $"AWS accepts VPC prefixes /{NetworkSettings.AwsVpcPrefix.Min} to /{NetworkSettings.AwsVpcPrefix.Max}", allowed);
        }
        else if (prefix > SubnetLayout.LargestVpcPrefix)
        {
            reader.Fail(K.VpcCidr, $"too small: public subnets are the VPC prefix + {SubnetLayout.PublicExtraBits} bits and an ALB needs /{SubnetLayout.LargestPublicPrefix} or larger", allowed);
        }

        return network;
    }

    private static void CheckSubnetsHoldPeak(ConfigReader reader, NetworkSettings network, ScalingSettings scaling, DeploymentSettings deployment)
    {
        if (!reader.AllValid(K.VpcCidr, K.AvailabilityZones, K.Replicas, K.MaxReplicas, K.MaxPercent, K.DeploymentStrategy))
        {
            return;
        }

        var peak = PeakTasks(scaling, deployment);
        var needed = SubnetLayout.TasksPerPrivateSubnet(peak, network.AvailabilityZones.Count);
        var capacity = SubnetLayout.PrivateSubnetCapacity(network.VpcCidr);
        if (needed > capacity)
        {
            reader.Fail(
                K.VpcCidr,
                $"too small: each private subnet holds {capacity} tasks, but a deploy at the peak of {peak} tasks over "
                + $"{network.AvailabilityZones.Count} zones needs {needed} per zone to survive the loss of one",
                "a larger VPC (smaller prefix), more zones, or fewer replicas");
        }
    }

    /// <summary>The most tasks that can run at once: the largest count during a deploy.</summary>
    public static int PeakTasks(ScalingSettings scaling, DeploymentSettings deployment) =>
        deployment.Strategy.ShiftsTraffic()
            ? 2 * scaling.Most
            : RollingDeployment.TasksAllowed(scaling.Most, deployment.MaxPercent);
}
