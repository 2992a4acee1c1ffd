namespace WidgetStack.Tests;

/// <summary>The web ACL in front of prod's load balancer (ELB.16), as it reaches the mock runtime.</summary>
public class WebFirewallTests
{
    [Test]
    public async Task Prod_filters_requests_through_AWS_managed_rule_groups_and_allows_the_rest()
    {
        var run = await StackRun.RunAsync("prod");
        var acl = run.Single("aws:wafv2/webAcl:WebAcl");
        var rules = acl.List("rules").Select(Inputs.Map).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(acl.Text("scope"), Is.EqualTo("REGIONAL"));
            Assert.That(acl.At("defaultAction", "allow"), Is.Not.Null);
            Assert.That(acl.At("visibilityConfig", "cloudwatchMetricsEnabled"), Is.True);
            Assert.That(acl.At("visibilityConfig", "sampledRequestsEnabled"), Is.True);
            Assert.That(acl.Text("visibilityConfig", "metricName"), Is.EqualTo("widget-waf"));
            Assert.That(rules.Select(r => r["name"]), Is.EqualTo(new[] { "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList" }));
            Assert.That(rules.Select(r => Convert.ToInt32(r["priority"], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[] { 0, 1, 2 }));
            foreach (var rule in rules)
            {
                var group = Inputs.Map(Inputs.Map(rule["statement"])["managedRuleGroupStatement"]);
                Assert.That(group["name"], Is.EqualTo(rule["name"]));
                Assert.That(group["vendorName"], Is.EqualTo("AWS"));
                Assert.That(Inputs.Map(rule["overrideAction"]).ContainsKey("none"), Is.True, "the groups block; nothing is only counted");
                Assert.That(Inputs.Map(Inputs.Map(rule["statement"])["managedRuleGroupStatement"]).GetValueOrDefault("ruleActionOverrides") ?? System.Collections.Immutable.ImmutableArray<object>.Empty, Is.Empty, "by default AWS's own actions apply: bodies over 8 KB are blocked");
                Assert.That(Inputs.Map(rule["visibilityConfig"])["metricName"], Is.EqualTo(rule["name"]));
            }
        });
    }

    // The common rule set's SizeRestrictions_BODY blocks bodies over 8 KB, all WAF inspects behind a
    // load balancer; wafLargeBodies overrides that one rule, and no other, to count.
    [Test]
    public async Task Large_bodies_set_only_the_common_rule_sets_SizeRestrictions_BODY_rule_to_count()
    {
        var run = await StackRun.RunAsync("prod", ("wafLargeBodies", "true"));
        var statements = run.Single("aws:wafv2/webAcl:WebAcl").List("rules").Select(Inputs.Map)
            .ToDictionary(r => (string)r["name"], r => Inputs.Map(Inputs.Map(r["statement"])["managedRuleGroupStatement"]));
        var overrides = statements["AWSManagedRulesCommonRuleSet"].GetValueOrDefault("ruleActionOverrides") is System.Collections.Immutable.ImmutableArray<object> list ? list.Select(Inputs.Map).ToList() : [];

        Assert.Multiple(() =>
        {
            Assert.That(overrides.Select(o => o["name"]), Is.EqualTo(new[] { "SizeRestrictions_BODY" }));
            Assert.That(Inputs.Map(overrides.Single()["actionToUse"]).Keys, Is.EqualTo(new[] { "count" }));
            Assert.That(
                statements.Where(s => s.Key != "AWSManagedRulesCommonRuleSet").Select(s => s.Value.GetValueOrDefault("ruleActionOverrides") is System.Collections.Immutable.ImmutableArray<object> other ? other.Length : 0),
                Has.All.EqualTo(0),
                "the other groups keep their own actions");
        });
    }

    [Test]
    public async Task The_web_ACL_is_attached_to_the_load_balancer()
    {
        var run = await StackRun.RunAsync("prod");
        var association = run.Single("aws:wafv2/webAclAssociation:WebAclAssociation");

        Assert.Multiple(() =>
        {
            Assert.That(association.Text("resourceArn"), Is.EqualTo(MockArns.For("aws:lb/loadBalancer:LoadBalancer", "widget-alb")));
            Assert.That(association.Text("webAclArn"), Is.EqualTo(MockArns.For("aws:wafv2/webAcl:WebAcl", "widget-waf")));
        });
    }

    [Test]
    public async Task Dev_has_no_web_ACL()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.That(run.Registered.Where(r => r.Type!.StartsWith("aws:wafv2/", StringComparison.Ordinal)), Is.Empty);
    }
}
