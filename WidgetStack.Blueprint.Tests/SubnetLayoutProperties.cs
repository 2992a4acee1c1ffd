using System.Net;
using FsCheck;
using FsCheck.Fluent;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class SubnetLayoutProperties
{
    /// <summary>Any VPC the settings accept (/16 to /21 at a random network address) and 2 to 6 zones.</summary>
    private static readonly Arbitrary<(IPNetwork2 Vpc, string[] Zones)> Layouts =
        (from prefix in Gen.Choose(NetworkSettings.AwsVpcPrefix.Min, SubnetLayout.LargestVpcPrefix)
         from address in Gen.Choose(0, int.MaxValue)
         from zoneCount in Gen.Choose(NetworkSettings.ZoneCount.Min, NetworkSettings.ZoneCount.Max)
         select (Vpc: IPNetwork2.Parse(new IPAddress(BitConverter.GetBytes(address).Reverse().ToArray()).ToString(), (byte)prefix),
                 Zones: Enumerable.Range(0, zoneCount).Select(i => $"us-east-1{(char)('a' + i)}").ToArray()))
        .ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Every_subnet_lies_inside_the_VPC() => Prop.ForAll(Layouts, layout =>
        Design(layout).Zones.All(z => Inside(layout.Vpc, z.PublicSubnetCidr) && Inside(layout.Vpc, z.PrivateSubnetCidr)));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property No_two_subnets_overlap() => Prop.ForAll(Layouts, layout =>
    {
        var subnets = Design(layout).Zones.SelectMany(z => new[] { z.PublicSubnetCidr, z.PrivateSubnetCidr }).Select(c => IPNetwork2.Parse(c)).ToList();
        return subnets.SelectMany((a, i) => subnets.Skip(i + 1).Select(b => !a.Overlap(b))).All(disjoint => disjoint);
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Each_zone_gets_one_public_and_one_private_subnet_in_zone_order() => Prop.ForAll(Layouts, layout =>
        Design(layout).Zones.Select(z => z.Zone).SequenceEqual(layout.Zones)
        && Design(layout).Zones.All(z => z.PublicSubnetCidr != z.PrivateSubnetCidr));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Public_subnets_fit_an_ALB_and_private_subnets_are_eight_times_larger() => Prop.ForAll(Layouts, layout =>
    {
        var network = Design(layout);
        return network.PublicSubnetPrefix <= SubnetLayout.LargestPublicPrefix
            && network.PrivateSubnetPrefix == network.PublicSubnetPrefix - 3
            && network.Zones.All(z => IPNetwork2.Parse(z.PublicSubnetCidr).Cidr == network.PublicSubnetPrefix);
    });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Adding_a_zone_moves_no_existing_subnet() => Prop.ForAll(Layouts, layout =>
    {
        var fewer = layout with { Zones = layout.Zones[..^1] };
        return layout.Zones.Length == 2 || Design(fewer).Zones.SequenceEqual(Design(layout).Zones.Take(fewer.Zones.Length));
    });

    [Test]
    public void The_prod_VPC_is_laid_out_as_the_rule_says()
    {
        var network = NetworkDesign.From(new NetworkSettings(IPNetwork2.Parse("10.0.0.0/16"), ["us-east-1a", "us-east-1b"], NatStrategy.OnePerZone));

        Assert.That(network.Zones.Select(z => (z.PrivateSubnetCidr, z.PublicSubnetCidr)), Is.EqualTo(new[]
        {
            ("10.0.0.0/19", "10.0.224.0/22"),
            ("10.0.32.0/19", "10.0.228.0/22"),
        }));
    }

    [TestCase(NatStrategy.OnePerZone, 3, new[] { "us-east-1a", "us-east-1b", "us-east-1c" })]
    [TestCase(NatStrategy.Single, 1, new[] { "us-east-1a", "us-east-1a", "us-east-1a" })]
    public void Each_private_subnet_routes_through_the_NAT_the_strategy_gives(NatStrategy nat, int gateways, string[] egressZones)
    {
        var network = NetworkDesign.From(new NetworkSettings(IPNetwork2.Parse("10.0.0.0/16"), ["us-east-1a", "us-east-1b", "us-east-1c"], nat));

        Assert.Multiple(() =>
        {
            Assert.That(network.NatGatewayCount, Is.EqualTo(gateways));
            Assert.That(network.Zones.Select(z => z.EgressNatZone), Is.EqualTo(egressZones));
            Assert.That(network.Zones.Where(z => z.HasNatGateway).Select(z => z.Zone), Is.SubsetOf(egressZones));
        });
    }

    private static NetworkDesign Design((IPNetwork2 Vpc, string[] Zones) layout) =>
        NetworkDesign.From(new NetworkSettings(layout.Vpc, layout.Zones, NatStrategy.OnePerZone));

    private static bool Inside(IPNetwork2 vpc, string cidr) => vpc.Contains(IPNetwork2.Parse(cidr));
}
