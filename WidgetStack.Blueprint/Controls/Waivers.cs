namespace WidgetStack.Blueprint.Controls;

/// <summary>
/// Every waiver, in one place. prod takes none; each of dev's is a cost or teardown choice of its
/// stack file.
/// </summary>
public static class Waivers
{
    /// <summary>The waivers of every stack.</summary>
    public static IReadOnlyList<Waiver> All { get; } =
    [
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
