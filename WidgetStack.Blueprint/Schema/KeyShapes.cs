using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Schema;

/// <summary>
/// What the settings reader checks with code of its own rather than a range or a set of words
/// (those it reports itself, see <see cref="AcceptedValues"/>): the shapes of
/// <see cref="AwsNames"/> and <see cref="ImageUri"/> and the tables of Rules/, per key, as the
/// stack file schema states them.
/// </summary>
internal static class KeyShapes
{
    /// <summary>The shape of each account of <c>aws:allowedAccountIds</c>.</summary>
    public static readonly TextShape Account = new(
        $"[0-9]{{{AwsNames.AccountIdDigits}}}",
        "Not a 12-digit account id; allowed: the 12-digit AWS account the stack deploys to.",
        UnquotedDigits: AwsNames.AccountIdDigits);

    /// <summary>The regions <c>aws:region</c> takes: those AWS lists (<see cref="AwsRegions"/>).</summary>
    public static IReadOnlyList<string> Regions => AwsRegions.All.Regions;

    /// <summary>Text keys and their shapes.</summary>
    public static readonly IReadOnlyDictionary<string, TextShape> Texts = new Dictionary<string, TextShape>
    {
        [K.VpcCidr] = new(
            Ipv4Address + "/" + Alternatives(NetworkSettings.AwsVpcPrefix.Min, SubnetLayout.LargestVpcPrefix),
            $"Not a VPC block the subnet layout takes; allowed: an IPv4 network address with a prefix of /{NetworkSettings.AwsVpcPrefix.Min} to /{SubnetLayout.LargestVpcPrefix}, e.g. 10.0.0.0/16."),
        [K.Image] = new(ImageUri.PatternText, $"Not an ECR image URI with a tag (:<tag> or @sha256:<digest>); allowed: {ImageUri.Shape}."),
        [K.CertificateArn] = new(AwsNames.CertificateArnPattern, "Not an ACM certificate ARN; allowed: empty, or arn:aws:acm:<region>:<account>:certificate/<id>."),
        [K.DomainName] = new(AwsNames.DnsNamePattern, "Not a DNS name (drop a trailing dot); allowed: empty, or a DNS name such as widgets.example.com.", AwsNames.MaxDnsNameLength),
        [K.HostedZoneId] = new(AwsNames.HostedZoneIdPattern, "Not a Route 53 hosted zone id; allowed: empty, or Z and 4 to 31 upper-case letters or digits, e.g. Z0123456789ABCDEFGHIJ."),
        [K.HostedZoneName] = new(AwsNames.DnsNamePattern, "Not a DNS name (drop a trailing dot); allowed: empty, or the hosted zone's apex, e.g. example.com.", AwsNames.MaxDnsNameLength),
        [K.HealthCheckPath] = new(@"/\S*", "Not a health check path; allowed: a path starting with /, no spaces.", HealthCheckSettings.MaxPathLength),
    };

    /// <summary>List keys and their shapes.</summary>
    public static readonly IReadOnlyDictionary<string, ListShape> Lists = new Dictionary<string, ListShape>
    {
        // A zone is its region's name and one of its letters (AwsNames.IsZoneOf, AwsRegions).
        [K.AvailabilityZones] = new(
            "(?:" + string.Join('|', AwsRegions.All.ZoneLetters.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}[{r.Value}]")) + ")",
            $"Not an availability zone AWS has; allowed: a zone of the stack's region, e.g. us-east-1a (the zones of every region: {AwsRegions.File}).",
            NetworkSettings.ZoneCount,
            Unique: true),

        // AwsNames.IsEmailAddress: 1 to 64 characters but @ and white space, @, a DNS name.
        [K.AlarmEmails] = new(
            @"[^@\s]{1,64}@(?=[^@]{1," + AwsNames.MaxDnsNameLength + "}$)" + AwsNames.DnsNamePattern,
            "Not an e-mail address; allowed: an address such as ops@example.com.",
            null,
            Unique: true),
    };

    /// <summary>Keys that take a decimal (declared as string, as Pulumi has no number type), and their range.</summary>
    public static readonly IReadOnlyDictionary<string, DecimalRange> Decimals = new Dictionary<string, DecimalRange>
    {
        [K.LinearStepPercent] = DeploymentSettings.LinearStep,
        [K.CanaryPercent] = DeploymentSettings.Canary,
    };

    /// <summary>Whole-number keys that take only some values of their range, and the values.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<int>> WholeNumberSets = new Dictionary<string, IReadOnlyList<int>>
    {
        [K.Cpu] = [.. FargateTaskSizes.MemoryMiBByCpu.Keys.Order()],
        [K.MemoryMiB] = [.. FargateTaskSizes.MemoryMiBByCpu.Values.SelectMany(sizes => sizes).Distinct().Order()],
        [K.LogRetentionDays] = LogRetention.AllowedDays,
    };

    /// <summary>An IPv4 address in dotted decimal, each byte without leading zeros.</summary>
    private const string Ipv4Address = @"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

    private static string Alternatives(int from, int to) =>
        "(?:" + string.Join('|', Enumerable.Range(from, to - from + 1)) + ")";
}
