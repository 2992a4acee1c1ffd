namespace WidgetStack.Blueprint.Design;

/// <summary>
/// VPC endpoints that keep the tasks' AWS traffic inside the VPC (Security Hub EC2.55, EC2.56):
/// interface endpoints for ECR's API, ECR's Docker registry and CloudWatch Logs in every private
/// subnet, behind their own security group that takes HTTPS from the tasks only, with private DNS
/// so the tasks' usual service names resolve to them; and the S3 gateway endpoint, where image
/// layers live, on the VPC's route tables.
/// </summary>
/// <param name="InterfaceServices">Service names of the interface endpoints.</param>
/// <param name="GatewayService">Service name of the S3 gateway endpoint.</param>
/// <param name="Zones">Zones, and so endpoint network interfaces per interface endpoint.</param>
public sealed record EndpointsDesign(IReadOnlyList<string> InterfaceServices, string GatewayService, int Zones)
{
    /// <summary>Interface endpoints answer for the services' public names inside the VPC.</summary>
    public const bool PrivateDns = true;

    /// <summary>Designs the endpoints of a stack in <paramref name="region"/> over <paramref name="zones"/> zones, or null when off.</summary>
    public static EndpointsDesign? From(bool on, string region, int zones) => on
        ? new EndpointsDesign([$"com.amazonaws.{region}.ecr.api", $"com.amazonaws.{region}.ecr.dkr", $"com.amazonaws.{region}.logs"], $"com.amazonaws.{region}.s3", zones)
        : null;
}
