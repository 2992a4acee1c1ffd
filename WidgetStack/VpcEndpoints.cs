using System.Collections.Immutable;
using Pulumi;
using WidgetStack.Blueprint.Design;
using Ec2 = Pulumi.Aws.Ec2;

namespace WidgetStack;

/// <summary>What the interface endpoints need.</summary>
/// <param name="Design">Which services, over how many zones.</param>
/// <param name="VpcId">The VPC.</param>
/// <param name="PrivateSubnetIds">Where the endpoints' network interfaces go: the tasks' subnets.</param>
/// <param name="SecurityGroupId">The endpoints' group, which takes HTTPS from the tasks only.</param>
public sealed record VpcEndpointsArgs(EndpointsDesign Design, Input<string> VpcId, Output<ImmutableArray<string>> PrivateSubnetIds, Input<string> SecurityGroupId);

/// <summary>
/// The interface endpoints of <see cref="EndpointsDesign"/> (ECR API, ECR Docker, CloudWatch
/// Logs) in the private subnets, with private DNS, so the tasks pull images and write logs without
/// leaving the VPC. The S3 gateway endpoint is the network's (awsx owns the route tables).
/// </summary>
public sealed class VpcEndpoints : ComponentResource
{
    /// <summary>Builds one interface endpoint per service.</summary>
    public VpcEndpoints(string name, VpcEndpointsArgs args, ComponentResourceOptions? options = null)
        : base("widget:network:VpcEndpoints", name, options)
    {
        foreach (var service in args.Design.InterfaceServices)
        {
            // com.amazonaws.us-east-1.ecr.api -> widget-endpoint-ecr-api
            var shortName = string.Join('-', service.Split('.').Skip(3));
            _ = new Ec2.VpcEndpoint($"widget-endpoint-{shortName}", new Ec2.VpcEndpointArgs
            {
                VpcId = args.VpcId,
                ServiceName = service,
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = EndpointsDesign.PrivateDns,
                SubnetIds = args.PrivateSubnetIds,
                SecurityGroupIds = { args.SecurityGroupId },
            }, new CustomResourceOptions { Parent = this });
        }

        RegisterOutputs();
    }
}
