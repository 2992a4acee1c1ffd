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
                Assert.That(Inputs.Map(rule["visibilityConfig"])["metricName"], Is.EqualTo(rule["name"]));
            }
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
