using System.Net;

namespace WidgetStack.Blueprint.Design;

/// <summary>
/// The rule that carves subnets out of the VPC. The VPC is cut into 8 equal blocks (prefix + 3):
/// block i is zone i's private subnet (tasks), for up to 6 zones; block 6 is kept free for
/// growth; block 7 is cut again into 8 (prefix + 6) and piece i is zone i's public subnet (ALB
/// and NAT). Tasks get 8× the addresses of the public side, and adding a zone never moves an
/// existing subnet.
/// </summary>
public static class SubnetLayout
{
    /// <summary>Bits added to the VPC prefix for a private subnet (8 blocks).</summary>
    public const int PrivateExtraBits = 3;

    /// <summary>Bits added to the VPC prefix for a public subnet (8 pieces of the last block).</summary>
    public const int PublicExtraBits = 6;

    /// <summary>An ALB needs subnets of /27 or larger.</summary>
    public const int LargestPublicPrefix = 27;

    /// <summary>The smallest VPC (largest prefix) the layout fits: /21, whose public subnets are /27.</summary>
    public const int LargestVpcPrefix = LargestPublicPrefix - PublicExtraBits;

    /// <summary>Addresses AWS reserves in every subnet.</summary>
    public const int ReservedAddressesPerSubnet = 5;

    /// <summary>The rule in one line, for reports.</summary>
    public const string Rule =
        "VPC cut into 8 blocks: block i = private subnet of zone i; block 6 free; block 7 cut into 8, piece i = public subnet of zone i";

    /// <summary>Zone <paramref name="zoneIndex"/>'s private subnet.</summary>
    public static IPNetwork2 PrivateSubnet(IPNetwork2 vpc, int zoneIndex) =>
        Piece(vpc, PrivateExtraBits, zoneIndex);

    /// <summary>Zone <paramref name="zoneIndex"/>'s public subnet.</summary>
    public static IPNetwork2 PublicSubnet(IPNetwork2 vpc, int zoneIndex) =>
        Piece(PrivateSubnet(vpc, 7), PublicExtraBits - PrivateExtraBits, zoneIndex);

    /// <summary>Usable addresses of a subnet of <paramref name="prefix"/> bits.</summary>
    public static long UsableAddresses(int prefix) => (1L << (32 - prefix)) - ReservedAddressesPerSubnet;

    /// <summary>Usable addresses of each private subnet of <paramref name="vpc"/>.</summary>
    public static long PrivateSubnetCapacity(IPNetwork2 vpc) => UsableAddresses(vpc.Cidr + PrivateExtraBits);

    /// <summary>
    /// Tasks each private subnet must hold so that the service's peak still fits when one zone is
    /// lost: ceil(peak / (zones - 1)).
    /// </summary>
    public static int TasksPerPrivateSubnet(int peakTasks, int zones) =>
        (int)Math.Ceiling(peakTasks / (double)Math.Max(1, zones - 1));

    private static IPNetwork2 Piece(IPNetwork2 network, int extraBits, int index) =>
        network.Subnet((byte)(network.Cidr + extraBits)).ElementAt(index);
}
