namespace WidgetStack.Blueprint.Controls;

/// <summary>
/// Every waiver, in one place. prod takes none that the program could avoid: its only waiver is a
/// control whose fix only a real Pulumi engine applies, out of the mock runtime's sight.
/// </summary>
public static class Waivers
{
    private const string AwsxPublicSubnets =
        "awsx 3.8.0 sets mapPublicIpOnLaunch on every public subnet it builds and offers no option against it; the program turns it off "
        + "with a resource transform on the VPC, which the Pulumi engine applies to the subnets awsx creates. The mock runtime runs no engine "
        + "and never sees those subnets, so this catalogue cannot show the result: pulumi preview --diff shows mapPublicIpOnLaunch false on each";

    /// <summary>The waivers of every stack.</summary>
    public static IReadOnlyList<Waiver> All { get; } =
    [
        new("prod", "EC2.15", AwsxPublicSubnets),
        new("dev", "EC2.15", AwsxPublicSubnets),
        new("dev", "ELB.1", "dev has no domain or certificate: it serves plain HTTP to developers only"),
        new("dev", "ELB.5", "dev's requests are the developers' own; no access logs are kept"),
        new("dev", "ELB.16", "dev serves developers only; a web ACL with three managed rule groups costs about 8 USD a month"),
        new("dev", "ELB.6", "dev is torn down at will, so its load balancer is not protected from deletion"),
        new("dev", "EC2.6", "dev holds no data worth auditing; flow logs' CloudWatch ingestion is paid per GB"),
        new("dev", "EC2.55", "dev's few image pulls go through NAT; three interface endpoints over two zones cost about 44 USD a month"),
        new("dev", "EC2.56", "dev's few image pulls go through NAT; three interface endpoints over two zones cost about 44 USD a month"),
        new("dev", "CloudWatch.16", "dev keeps its logs 7 days: they only serve debugging"),
    ];

    /// <summary>The waiver of <paramref name="controlId"/> for <paramref name="stack"/>, if any.</summary>
    public static Waiver? For(string stack, string controlId) => All.FirstOrDefault(w => w.Stack == stack && w.ControlId == controlId);
}
