using Pulumi;

namespace WidgetStack;

/// <summary>
/// awsx sets <c>mapPublicIpOnLaunch</c> on every public subnet it builds and has no option against
/// it (Security Hub EC2.15). A resource transform on the VPC reaches the subnets awsx creates (the
/// engine applies a component's transforms to all its children, those a provider creates
/// included) and turns it off: only the ALB and the NAT gateways live there, and both take their
/// addresses from AWS and from Elastic IPs.
/// </summary>
public static class PublicIpsOnLaunch
{
    /// <summary>The subnets' resource type.</summary>
    public const string SubnetType = "aws:ec2/subnet:Subnet";

    /// <summary>The subnet property the transform sets.</summary>
    public const string Property = "mapPublicIpOnLaunch";

    /// <summary>Sets <see cref="Property"/> false on every subnet; leaves any other resource alone.</summary>
    public static Task<ResourceTransformResult?> TurnOff(ResourceTransformArgs args, CancellationToken cancellationToken = default) =>
        Task.FromResult<ResourceTransformResult?>(args.Type == SubnetType
            ? new ResourceTransformResult(args.Args.SetItem(Property, false), args.Options)
            : null);
}
