namespace WidgetStack.Blueprint.Design;

/// <summary>
/// A rule of an AWS managed rule group whose action the web ACL overrides to count: it still
/// labels and counts the requests it matches, but no longer blocks them.
/// </summary>
/// <param name="Group">The managed rule group.</param>
/// <param name="Rule">The rule inside it.</param>
/// <param name="Why">What the override lets through.</param>
public sealed record WafRuleOverride(string Group, string Rule, string Why)
{
    /// <summary>The action the rule takes instead of its own.</summary>
    public const string Action = "count";
}

/// <summary>
/// An AWS WAF web ACL in front of the load balancer (ELB.16): AWS's managed rule groups for common
/// exploits, known bad inputs and IP addresses with a bad reputation, each counted in CloudWatch;
/// requests no rule blocks are allowed.
/// </summary>
/// <remarks>
/// The common rule set's <see cref="BodySizeRule"/> blocks request bodies over
/// <see cref="InspectedBodyBytes"/> (8 KB, 8,192 bytes): AWS Knowledge Center, "How does AWS WAF
/// handle body inspections for HTTP requests?" (https://repost.aws/knowledge-center/waf-http-request-body-inspection),
/// because WAF inspects no more of a body behind a load balancer: "For Application Load Balancer
/// and AWS AppSync, the limit is fixed at 8 KB (8,192 bytes)" (WAF API reference, Body,
/// https://docs.aws.amazon.com/waf/latest/APIReference/API_Body.html). A stack that takes larger
/// bodies (uploads) overrides that one rule to count (<c>widget:wafLargeBodies</c>); the rest of
/// such a body then reaches the tasks uninspected, which is why the default keeps AWS's block.
/// </remarks>
/// <param name="Name">Logical name of the web ACL.</param>
/// <param name="ManagedRuleGroups">AWS managed rule groups, in priority order.</param>
/// <param name="CountedRules">Rules of those groups that count instead of block.</param>
public sealed record WafDesign(string Name, IReadOnlyList<string> ManagedRuleGroups, IReadOnlyList<WafRuleOverride> CountedRules)
{
    /// <summary>A web ACL for a load balancer is regional.</summary>
    public const string Scope = "REGIONAL";

    /// <summary>Vendor of the managed rule groups.</summary>
    public const string Vendor = "AWS";

    /// <summary>AWS's core rule set (CRS).</summary>
    public const string CommonRuleSet = "AWSManagedRulesCommonRuleSet";

    /// <summary>The rule of <see cref="CommonRuleSet"/> that blocks bodies larger than WAF inspects.</summary>
    public const string BodySizeRule = "SizeRestrictions_BODY";

    /// <summary>The part of a request body WAF inspects behind a load balancer, and the most <see cref="BodySizeRule"/> lets through, bytes (8 KB).</summary>
    public const int InspectedBodyBytes = 8192;

    /// <summary>The web ACL of a stack, or null when off; with <paramref name="largeBodies"/>, bodies over 8 KB are counted, not blocked.</summary>
    public static WafDesign? From(bool on, bool largeBodies) => on
        ? new WafDesign(
            "widget-waf",
            [CommonRuleSet, "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"],
            largeBodies
                ? [new WafRuleOverride(CommonRuleSet, BodySizeRule, $"request bodies over {InspectedBodyBytes / 1024} KB pass; WAF inspects only their first {InspectedBodyBytes / 1024} KB")]
                : [])
        : null;

    /// <summary>The rules of <paramref name="group"/> that count instead of block.</summary>
    public IEnumerable<string> CountedIn(string group) => CountedRules.Where(r => r.Group == group).Select(r => r.Rule);
}
