using System.Text.RegularExpressions;

namespace WidgetStack.Blueprint.Rules;

/// <summary>Shapes of AWS identifiers the settings name.</summary>
public static partial class AwsNames
{
    /// <summary>A region name, unanchored (also the stack file schema's, so that editors check the same shape).</summary>
    public const string RegionPattern = @"[a-z]{2}(-gov)?-[a-z]+-\d";

    /// <summary>A fully qualified DNS name, unanchored, without the length limit.</summary>
    public const string DnsNamePattern = @"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+";

    /// <summary>Digits of an account id.</summary>
    public const int AccountIdDigits = 12;

    /// <summary>The longest DNS name, characters.</summary>
    public const int MaxDnsNameLength = 253;

    /// <summary>A Route 53 hosted zone id, unanchored.</summary>
    public const string HostedZoneIdPattern = "Z[A-Z0-9]{4,31}";

    /// <summary>An ACM certificate ARN of any region, unanchored; the group <c>region</c> names its region.</summary>
    public const string CertificateArnPattern =
        @"arn:aws(-cn|-us-gov)?:acm:(?<region>[a-z0-9-]+):\d{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /// <summary>Text of a region name's shape, such as <c>us-east-1</c> or <c>us-gov-west-1</c>, whether or not AWS has the region.</summary>
    public static bool IsRegionShaped(string text) => Region().IsMatch(text);

    /// <summary>A region AWS lists (<see cref="AwsRegions"/>), such as <c>us-east-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsRegion(string text) => AwsRegions.All.Contains(text);

    /// <summary>A zone AWS lists for <paramref name="region"/>: the region name and one of its zone letters, e.g. <c>us-east-1a</c>.</summary>
    public static bool IsZoneOf(string zone, string region) => AwsRegions.All.ZonesOf(region).Contains(zone, StringComparer.Ordinal);

    /// <summary>A 12-digit AWS account id.</summary>
    public static bool IsAccountId(string text) => text.Length == AccountIdDigits && text.All(char.IsAsciiDigit);

    /// <summary>A fully qualified DNS name: 2+ labels of letters, digits and inner hyphens, 63 characters each, 253 in all.</summary>
    public static bool IsDnsName(string text) => text.Length <= MaxDnsNameLength && DnsName().IsMatch(text);

    /// <summary>Whether <paramref name="name"/> is <paramref name="apex"/> or a name under it.</summary>
    public static bool IsWithin(string name, string apex) =>
        name.Equals(apex, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + apex, StringComparison.OrdinalIgnoreCase);

    /// <summary>An e-mail address SNS can deliver to: local part, @, a DNS name.</summary>
    public static bool IsEmailAddress(string text) =>
        text.Split('@') is [{ Length: > 0 and <= 64 } local, var domain] && !local.Any(char.IsWhiteSpace) && IsDnsName(domain);

    /// <summary>A Route 53 hosted zone id: Z and 4 to 31 upper-case letters or digits.</summary>
    public static bool IsHostedZoneId(string text) => HostedZoneId().IsMatch(text);

    /// <summary>An ACM certificate ARN in <paramref name="region"/> (an ALB takes only its own region's).</summary>
    public static bool IsCertificateArnIn(string arn, string region) =>
        CertificateArn().Match(arn) is { Success: true } match && match.Groups["region"].Value == region;

    [GeneratedRegex("^" + DnsNamePattern + "$")]
    private static partial Regex DnsName();

    [GeneratedRegex("^" + HostedZoneIdPattern + "$")]
    private static partial Regex HostedZoneId();

    [GeneratedRegex("^" + RegionPattern + "$")]
    private static partial Regex Region();

    [GeneratedRegex("^" + CertificateArnPattern + "$")]
    private static partial Regex CertificateArn();
}
