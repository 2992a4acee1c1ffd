using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using WidgetStack.Blueprint.Controls;

namespace WidgetStack.Tests;

/// <summary>
/// The subnets the Pulumi engine registers under an awsx VPC, which the mock runtime never sees:
/// awsx builds them in its own provider process, and the mocks run no provider. awsx 3.8.0
/// (<c>awsx/ec2/vpc.ts</c>) registers one subnet per zone and subnet spec, Public specs first,
/// named <c>&lt;vpc&gt;-&lt;spec name&gt;-&lt;zone number&gt;</c>, in the spec's CIDR block for
/// that zone, with <c>mapPublicIpOnLaunch</c> true exactly for Public specs. The engine then
/// applies the VPC's resource transforms to each of them, as it does to every child of a
/// component, and registers what they return.
/// </summary>
internal static class AwsxSubnets
{
    private const string VpcType = "awsx:ec2:Vpc";

    /// <summary>The subnets of every awsx VPC of <paramref name="run"/>, with the transforms the program gave the VPC applied.</summary>
    public static async Task<IReadOnlyList<RegisteredResource>> RegisteredAsync(StackRun run)
    {
        var transforms = run.Resources.OfType<Network>().Single().VpcOptions.ResourceTransforms;
        var subnets = new List<RegisteredResource>();
        foreach (var vpc in run.OfType(VpcType))
        {
            subnets.AddRange(await TransformedAsync(vpc, transforms));
        }

        return subnets;
    }

    /// <summary>The subnets awsx registers for <paramref name="vpc"/>, after <paramref name="transforms"/>.</summary>
    public static async Task<IReadOnlyList<RegisteredResource>> TransformedAsync(MockResourceArgs vpc, IReadOnlyList<ResourceTransform> transforms)
    {
        var subnets = new List<RegisteredResource>();
        foreach (var (name, inputs) in AsAwsxBuildsThem(vpc))
        {
            var args = inputs.ToImmutableDictionary(p => p.Key, p => (object?)p.Value);
            ResourceOptions options = new CustomResourceOptions();
            foreach (var transform in transforms)
            {
                // The engine hands each transform the previous one's result; null means "unchanged".
                if (await transform(new ResourceTransformArgs(name, PublicIpsOnLaunch.SubnetType, true, args, options)) is { } result)
                {
                    (args, options) = (result.Args, result.Options);
                }
            }

            subnets.Add(new RegisteredResource(PublicIpsOnLaunch.SubnetType, name, args.ToImmutableDictionary(p => p.Key, p => p.Value!)));
        }

        return subnets;
    }

    private static IEnumerable<(string Name, ImmutableDictionary<string, object> Inputs)> AsAwsxBuildsThem(MockResourceArgs vpc)
    {
        var zones = vpc.List("availabilityZoneNames");
        var tags = Inputs.Map(vpc.At("tags"));
        var specs = vpc.List("subnetSpecs").Select(Inputs.Map).OrderBy(spec => spec["type"] is "Public" ? 0 : 1).ToList();
        for (var zone = 0; zone < zones.Length; zone++)
        {
            foreach (var spec in specs)
            {
                var type = (string)spec["type"];
                var name = $"{vpc.Name!}-{spec.GetValueOrDefault("name", type.ToLowerInvariant())}-{zone + 1}";
                yield return (name, ImmutableDictionary<string, object>.Empty
                    .Add("vpcId", StackRun.IdOf(vpc.Name!))  // awsx names its inner aws:ec2/vpc:Vpc after itself
                    .Add("availabilityZone", zones[zone])
                    .Add("cidrBlock", ((ImmutableArray<object>)spec["cidrBlocks"])[zone])
                    .Add("mapPublicIpOnLaunch", type == "Public")
                    .Add("assignIpv6AddressOnCreation", false)
                    .Add("tags", tags.SetItem("Name", name).SetItem("SubnetType", type)));
            }
        }
    }
}
