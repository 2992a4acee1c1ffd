using System.Collections.Immutable;
using Pulumi;

namespace WidgetStack.Tests;

/// <summary>
/// The transform that keeps awsx's public subnets from mapping public IPs on launch (EC2.15). The
/// engine applies it to the subnets awsx creates, which never reach the mock runtime, so it is
/// tested as the engine calls it, on the subnets awsx builds (<see cref="AwsxSubnets"/>).
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
    public async Task The_network_hands_it_to_the_awsx_VPC_its_child()
    {
        var run = await StackRun.RunAsync("prod");
        var network = run.Resources.OfType<Network>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(network.VpcOptions.ResourceTransforms, Is.EqualTo(new ResourceTransform[] { PublicIpsOnLaunch.TurnOff }));
            Assert.That(network.VpcOptions.Parent, Is.SameAs(network));
        });
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public async Task Prods_subnets_as_awsx_builds_them_map_public_IPs_on_launch_only_without_the_transform(bool untransformed, bool publicIps)
    {
        var run = await StackRun.RunAsync("prod");
        var transforms = untransformed ? [] : run.Resources.OfType<Network>().Single().VpcOptions.ResourceTransforms;

        var subnets = await AwsxSubnets.TransformedAsync(run.Single("awsx:ec2:Vpc"), transforms);

        // As awsx 3.8.0's vpc.ts registers them for prod's VPC inputs.
        Assert.That(subnets.Select(s => $"{s.Name} {s.Text("availabilityZone")} {s.Text("cidrBlock")} public IPs {s.IsTrue("mapPublicIpOnLaunch")}"), Is.EqualTo(new[]
        {
            $"widget-network-vpc-public-1 us-east-1a 10.0.224.0/22 public IPs {publicIps}",
            "widget-network-vpc-private-1 us-east-1a 10.0.0.0/19 public IPs False",
            $"widget-network-vpc-public-2 us-east-1b 10.0.228.0/22 public IPs {publicIps}",
            "widget-network-vpc-private-2 us-east-1b 10.0.32.0/19 public IPs False",
            $"widget-network-vpc-public-3 us-east-1c 10.0.232.0/22 public IPs {publicIps}",
            "widget-network-vpc-private-3 us-east-1c 10.0.64.0/19 public IPs False",
        }));
    }
}
