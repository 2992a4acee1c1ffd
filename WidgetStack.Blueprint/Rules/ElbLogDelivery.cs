namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// Who writes a load balancer's access logs into its bucket. In regions opened before August 2022
/// it is the region's Elastic Load Balancing account; in newer regions the log delivery service
/// principal. Source: the ELB guide, "Enable access logs for your Application Load Balancer".
/// </summary>
public static class ElbLogDelivery
{
    /// <summary>The service principal of the regions opened in August 2022 or later.</summary>
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    /// <summary>The Elastic Load Balancing account of each region opened before August 2022.</summary>
    // Stryker disable String : data copied from the ELB guide; a test of every entry would copy it again (the ten in the project's AWS facts are tested).
    public static readonly IReadOnlyDictionary<string, string> AccountByOlderRegion = new Dictionary<string, string>
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["ap-east-1"] = "754344448648",
        ["ap-northeast-1"] = "582318560864",
        ["ap-northeast-2"] = "600734575887",
        ["ap-northeast-3"] = "383597477331",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
        ["us-gov-west-1"] = "048591011584",
        ["us-gov-east-1"] = "190560391635",
        ["cn-north-1"] = "638102146993",
        ["cn-northwest-1"] = "037604701340",
    };

    // Stryker restore String

    /// <summary>The IAM principal that delivers access logs in <paramref name="region"/>.</summary>
    public static PolicyPrincipal For(string region, string partition) =>
        AccountByOlderRegion.TryGetValue(region, out var account)
            ? new PolicyPrincipal("AWS", $"arn:{partition}:iam::{account}:root")
            : new PolicyPrincipal("Service", ServicePrincipal);
}

/// <summary>A principal of a resource policy.</summary>
/// <param name="Type"><c>AWS</c> (an account or role ARN) or <c>Service</c> (a service principal).</param>
/// <param name="Identifier">The ARN or the service name.</param>
public sealed record PolicyPrincipal(string Type, string Identifier);
