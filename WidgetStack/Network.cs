using System.Collections.Immutable;
using Pulumi;
using Pulumi.Awsx.Ec2;
using Pulumi.Awsx.Ec2.Inputs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;
using Aws = Pulumi.Aws;

namespace WidgetStack;

/// <summary>What the network needs: its design and, when flow logs are on, the role that writes them.</summary>
/// <param name="Design">VPC, subnets, NAT, flow logs.</param>
/// <param name="FlowLogRole">The flow-log role, or null when flow logs are off.</param>
/// <param name="LogKeyArn">The KMS key the flow log group is encrypted with, or null for CloudWatch's own.</param>
public sealed record NetworkArgs(NetworkDesign Design, RoleDesign? FlowLogRole, Output<string>? LogKeyArn = null);

/// <summary>
/// The VPC of the design: an awsx <c>ec2.Vpc</c> given the exact public and private subnets per
/// zone, the zone names and the NAT strategy (awsx adds the internet gateway, NAT gateways and
/// route tables; an engine transform keeps awsx's public subnets from mapping public IPs on
/// launch), the VPC's default security group emptied (Security Hub EC2.2), and flow logs
/// to their own log group (EC2.6) when the design has them.
/// </summary>
public sealed class Network : ComponentResource
{
    /// <summary>The VPC's id.</summary>
    [Output]
    public Output<string> VpcId { get; private set; }

    /// <summary>Public subnets (ALB, NAT), in zone order.</summary>
    [Output]
    public Output<ImmutableArray<string>> PublicSubnetIds { get; private set; }

    /// <summary>Private subnets (tasks), in zone order.</summary>
    [Output]
    public Output<ImmutableArray<string>> PrivateSubnetIds { get; private set; }

    /// <summary>
    /// The options the awsx VPC was given: a child of the network, with the transform that keeps its
    /// public subnets from mapping public IPs on launch (the engine applies it to every child awsx creates).
    /// </summary>
    public ComponentResourceOptions VpcOptions { get; }

    /// <summary>Builds the network of <paramref name="args"/>.</summary>
    public Network(string name, NetworkArgs args, ComponentResourceOptions? options = null)
        : base("widget:network:Network", name, options)
    {
        var design = args.Design;
        VpcOptions = new ComponentResourceOptions { Parent = this, ResourceTransforms = { PublicIpsOnLaunch.TurnOff } };
        var vpc = new Vpc($"{name}-vpc", VpcArgsFor(design), VpcOptions);
        if (design.FlowLogs is { } flowLogs && args.FlowLogRole is { } role)
        {
            RecordTraffic(name, vpc.VpcId, flowLogs, role, args.LogKeyArn);
        }

        // Adopting the default group with no rules removes the allow-all rules AWS creates.
        _ = new Aws.Ec2.DefaultSecurityGroup($"{name}-default-sg", new Aws.Ec2.DefaultSecurityGroupArgs
        {
            VpcId = vpc.VpcId,
            Tags = { ["Name"] = $"{name}-default (no rules)" },
        }, new CustomResourceOptions { Parent = this });

        VpcId = vpc.VpcId;
        PublicSubnetIds = vpc.PublicSubnetIds;
        PrivateSubnetIds = vpc.PrivateSubnetIds;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["privateSubnetIds"] = PrivateSubnetIds,
        });
    }

    private void RecordTraffic(string name, Output<string> vpcId, FlowLogDesign design, RoleDesign roleDesign, Output<string>? logKeyArn)
    {
        var child = new CustomResourceOptions { Parent = this };
        var logGroup = new Aws.CloudWatch.LogGroup($"{name}-flow-logs", LogGroups.Args(design.LogGroupName, design.RetentionDays, logKeyArn), LogGroups.Options(this, design.Retain));
        var role = Roles.Create(roleDesign, new Dictionary<string, Output<string>> { [design.LogGroupName] = logGroup.Arn }, child);
        _ = new Aws.Ec2.FlowLog($"{name}-flow-log", new Aws.Ec2.FlowLogArgs
        {
            VpcId = vpcId,
            TrafficType = FlowLogDesign.TrafficType,
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = FlowLogDesign.MaxAggregationIntervalSeconds,
        }, child);
    }

    /// <summary>
    /// The awsx arguments. Explicit CIDR blocks are honoured only with the <c>Auto</c> (or
    /// <c>Exact</c>) strategy; the default <c>Legacy</c> ignores them, and <c>Exact</c> refuses the
    /// gap the layout keeps for growth.
    /// </summary>
    internal static VpcArgs VpcArgsFor(NetworkDesign design)
    {
        var args = VpcArgsWithoutEndpoints(design);
        if (design.Endpoints is { } endpoints)
        {
            // With the Auto strategy awsx puts a gateway endpoint on every route table of the VPC it built.
            args.VpcEndpointStrategy = VpcEndpointStrategy.Auto;
            args.VpcEndpointSpecs = [new VpcEndpointSpecArgs { ServiceName = endpoints.GatewayService, VpcEndpointType = "Gateway" }];
        }

        return args;
    }

    private static VpcArgs VpcArgsWithoutEndpoints(NetworkDesign design) => new()
    {
        CidrBlock = design.VpcCidr,
        AvailabilityZoneNames = [.. design.Zones.Select(z => z.Zone)],
        SubnetStrategy = SubnetAllocationStrategy.Auto,
        SubnetSpecs =
        [
            new SubnetSpecArgs
            {
                Type = SubnetType.Public,
                Name = "public",
                CidrMask = design.PublicSubnetPrefix,
                CidrBlocks = [.. design.Zones.Select(z => z.PublicSubnetCidr)],
            },
            new SubnetSpecArgs
            {
                Type = SubnetType.Private,
                Name = "private",
                CidrMask = design.PrivateSubnetPrefix,
                CidrBlocks = [.. design.Zones.Select(z => z.PrivateSubnetCidr)],
            },
        ],
        NatGateways = new NatGatewayConfigurationArgs
        {
            Strategy = design.Nat == NatStrategy.OnePerZone ? NatGatewayStrategy.OnePerAz : NatGatewayStrategy.Single,
        },
        EnableDnsHostnames = true,
        EnableDnsSupport = true,
    };
}
