using System.Net;

namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// The IPv4 blocks RFC 1918 sets aside for private networks (section 3,
/// https://www.rfc-editor.org/rfc/rfc1918#section-3): AWS recommends a VPC's block come from them
/// (Amazon VPC User Guide, "VPC CIDR blocks"), since a VPC that uses public addresses cannot reach
/// the hosts on the internet that own them.
/// </summary>
public static class PrivateAddressSpace
{
    /// <summary>10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16.</summary>
    public static readonly IReadOnlyList<IPNetwork2> Blocks =
    [
        IPNetwork2.Parse("10.0.0.0/8"),
        IPNetwork2.Parse("172.16.0.0/12"),
        IPNetwork2.Parse("192.168.0.0/16"),
    ];

    /// <summary>Whether all of <paramref name="network"/> lies in one of the private blocks.</summary>
    public static bool Contains(IPNetwork2 network) => Blocks.Any(block => block.Contains(network));
}
