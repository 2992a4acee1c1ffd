using System.Text.RegularExpressions;

namespace WidgetStack.Blueprint.Rules;

/// <summary>A parsed ECR image URI: <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;repository&gt;:&lt;tag&gt;</c> or <c>@sha256:&lt;digest&gt;</c>.</summary>
/// <param name="Uri">The URI as written.</param>
/// <param name="Account">12-digit registry account.</param>
/// <param name="Region">Registry region.</param>
/// <param name="Partition">aws, aws-cn or aws-us-gov.</param>
/// <param name="Repository">Repository name, e.g. <c>rocket-city-widget-server</c>.</param>
public sealed partial record ImageUri(string Uri, string Account, string Region, string Partition, string Repository)
{
    /// <summary>What an image URI must look like, for messages.</summary>
    public const string Shape =
        "<12-digit account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or .../<repository>@sha256:<64 hex digits>";

    /// <summary>The ARN of the ECR repository, the only one the execution role may pull from.</summary>
    public string RepositoryArn => $"arn:{Partition}:ecr:{Region}:{Account}:repository/{Repository}";

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not an ECR image URI.</summary>
    public static ImageUri? TryParse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var partition = match.Groups["cn"].Success ? "aws-cn"
            : match.Groups["region"].Value.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
        return new ImageUri(text, match.Groups["account"].Value, match.Groups["region"].Value, partition, match.Groups["repo"].Value);
    }

    /// <summary>Whether <paramref name="text"/> is an ECR image URI but for its tag or digest, which it lacks.</summary>
    public static bool IsUntagged(string text) => Untagged().IsMatch(text);

    /// <summary>
    /// The URI's shape as a regular expression, unanchored (also the stack file schema's). Repository
    /// names: lowercase, digits, . _ - and / separators (ECR's rule, 2-256 characters). Tags: up to
    /// 128 of letters, digits, _ . - (Docker's rule).
    /// </summary>
    public const string PatternText = RepositoryPattern + @"(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@sha256:(?<digest>[a-f0-9]{64}))";

    /// <summary>The URI up to the repository name, without tag or digest, unanchored.</summary>
    private const string RepositoryPattern =
        @"(?<account>\d{12})\.dkr\.ecr\.(?<region>" + AwsNames.RegionPattern + @")\.amazonaws\.com(?<cn>\.cn)?/"
        + @"(?<repo>[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)";

    [GeneratedRegex("^" + PatternText + "$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^" + RepositoryPattern + "$")]
    private static partial Regex Untagged();
}
