using System.Collections.Immutable;
using Pulumi;

namespace WidgetStack.Tests;

/// <summary>
/// The transform that keeps awsx's public subnets from mapping public IPs on launch (EC2.15). The
/// engine applies it to the subnets awsx creates, which never reach the mock runtime, so it is
/// tested as the engine calls it.
/// </summary>
public class PublicIpsOnLaunchTests
{
    [Test]
    public async Task It_turns_off_public_IPs_on_launch_for_a_subnet_and_keeps_everything_else()
    {
        var args = ImmutableDictionary<string, object?>.Empty
            .Add("mapPublicIpOnLaunch", true)
            .Add("cidrBlock", "10.0.224.0/22")
            .Add("availabilityZone", "us-east-1a");
        var options = new CustomResourceOptions();

        var result = await PublicIpsOnLaunch.TurnOff(new ResourceTransformArgs("widget-network-vpc-public-1", "aws:ec2/subnet:Subnet", true, args, options));

        Assert.That(result, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result!.Value.Args["mapPublicIpOnLaunch"], Is.EqualTo(false));
            Assert.That(result.Value.Args.Remove("mapPublicIpOnLaunch"), Is.EquivalentTo(args.Remove("mapPublicIpOnLaunch")));
            Assert.That(result.Value.Options, Is.SameAs(options));
        });
    }

    [TestCase("aws:ec2/natGateway:NatGateway", true)]
    [TestCase("aws:ec2/routeTable:RouteTable", true)]
    [TestCase("awsx:ec2:Vpc", false)]
    public async Task It_leaves_every_other_resource_alone(string type, bool custom)
    {
        var args = ImmutableDictionary<string, object?>.Empty.Add("mapPublicIpOnLaunch", true);

        var result = await PublicIpsOnLaunch.TurnOff(new ResourceTransformArgs("widget-network-vpc", type, custom, args, new CustomResourceOptions()));

        Assert.That(result, Is.Null);
    }

    [Test]
    public void The_network_hands_it_to_the_awsx_VPC_whose_children_it_reaches()
    {
        var options = Network.VpcOptions(null!);

        Assert.That(options.ResourceTransforms, Is.EqualTo(new ResourceTransform[] { PublicIpsOnLaunch.TurnOff }));
    }
}
