using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Mistakes a new user makes that the reader used to accept, or refused without saying what to do:
/// each is refused with the fix, or warned of.
/// </summary>
public class ValidationGapTests
{
    [Test]
    public void A_zone_AWS_does_not_have_is_refused_naming_the_zones_of_the_region()
    {
        var error = Refusal(("widget:availabilityZones", "[us-east-1a, us-east-1z]"));

        var zones = error.Errors.Single(e => e.Key == "widget:availabilityZones");
        Assert.Multiple(() =>
        {
            Assert.That(zones.Problem, Does.Contain("'us-east-1z' is not a zone AWS has in aws:region us-east-1"));
            Assert.That(zones.Allowed, Does.EndWith("zones of us-east-1: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f"));
        });
    }

    [TestCase("us-east-7", "not a region AWS has (did you mean us-east-1?)")]
    [TestCase("eu-wset-1", "not a region AWS has (did you mean eu-west-1?)")]
    [TestCase("moon-base", "not a region name")]
    public void A_region_AWS_does_not_have_is_refused_with_the_nearest_region(string region, string problem)
    {
        var error = Refusal(("aws:region", region));

        var named = error.Errors.Single(e => e.Key == "aws:region");
        Assert.Multiple(() =>
        {
            Assert.That(named.Problem, Is.EqualTo(problem));
            Assert.That(named.Allowed, Does.Contain("us-east-1, us-east-2"));
        });
    }

    [TestCase("8.8.0.0/16", true)]
    [TestCase("172.32.0.0/16", true)]
    [TestCase("100.64.0.0/16", true)]
    [TestCase("10.1.0.0/20", false)]
    [TestCase("172.31.0.0/16", false)]
    [TestCase("192.168.0.0/16", false)]
    public void A_VPC_range_outside_RFC_1918_private_space_is_warned_of(string cidr, bool warned)
    {
        var design = Design(("widget:vpcCidr", cidr));

        Assert.That(design.Warnings.Any(w => w.Contains($"VPC {cidr} is not RFC 1918 private space", StringComparison.Ordinal)), Is.EqualTo(warned), string.Join("\n", design.Warnings));
    }

    [Test]
    public void Turning_the_circuit_breaker_off_blames_that_setting_and_says_to_turn_rollback_off_as_well()
    {
        var error = Refusal(("widget:circuitBreaker", "false"));

        Assert.That(error.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "widget:circuitBreaker = 'false': turns the circuit breaker off, while widget:circuitBreakerRollback keeps its default, true, which needs it; allowed: true, or set widget:circuitBreakerRollback: false as well.",
        }));
    }

    [Test]
    public void A_rollback_the_stack_sets_without_a_circuit_breaker_is_blamed_itself()
    {
        var error = Refusal(("widget:circuitBreaker", "false"), ("widget:circuitBreakerRollback", "true"));

        Assert.That(error.Errors.Single().ToString(), Does.StartWith("widget:circuitBreakerRollback = 'true': true needs widget:circuitBreaker = true"));
    }

    [Test]
    public void The_circuit_breaker_and_rollback_both_off_are_accepted() =>
        Assert.That(Design(("widget:circuitBreaker", "false"), ("widget:circuitBreakerRollback", "false")).Settings.Deployment.CircuitBreaker, Is.False);

    [TestCase("widget:domainName", "widgets.example.com.", "widgets.example.com")]
    [TestCase("widget:hostedZoneName", "example.com.", "example.com")]
    public void A_name_with_the_trailing_dot_Route_53_shows_is_refused_with_the_hint_to_drop_it(string key, string written, string meant)
    {
        var zone = new Dictionary<string, string?>
        {
            ["widget:domainName"] = "widgets.example.com",
            ["widget:hostedZoneId"] = "Z0123456789EXAMPLE",
            ["widget:hostedZoneName"] = "example.com",
            [key] = written,
        };

        var error = Refusal([.. zone.Select(pair => (pair.Key, pair.Value))]);

        Assert.That(error.Errors.Single(e => e.Key == key).Problem, Is.EqualTo($"not a DNS name as the stack takes it: drop the trailing dot (Route 53 shows names fully qualified; write {meant})"));
    }

    [TestCase("123456789012.dkr.ecr.us-east-1.amazonaws.com/rocket-city-widget-server", true)]
    [TestCase("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/widget", true)]
    [TestCase("nginx", false)]
    [TestCase("123456789012.dkr.ecr.us-east-1.amazonaws.com/Widget:1", false)]
    public void An_ECR_image_without_a_tag_is_refused_as_needing_one(string image, bool untagged)
    {
        var error = Refusal(("widget:image", image));

        Assert.That(error.Errors.Single(e => e.Key == "widget:image").Problem, Is.EqualTo(untagged
            ? "an ECR image URI without a tag: it needs a tag (:<tag> or @sha256:<digest>)"
            : "not an ECR image URI"));
    }

    [Test]
    public void Lists_given_as_JSON_text_as_pulumi_config_set_writes_them_read_as_the_lists()
    {
        var settings = Design(
            ("widget:availabilityZones", "'[\"us-east-1a\",\"us-east-1b\"]'"),
            ("aws:allowedAccountIds", "'[\"210987654321\"]'"),
            ("widget:alarmEmails", "'[\"ops@example.com\"]'")).Settings;

        Assert.Multiple(() =>
        {
            Assert.That(settings.Network.AvailabilityZones, Is.EqualTo(new[] { "us-east-1a", "us-east-1b" }));
            Assert.That(settings.AccountId, Is.EqualTo("210987654321"));
            Assert.That(settings.Alarms.Emails, Is.EqualTo(new[] { "ops@example.com" }));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("widget:availabilityZones", "'[\"us-east-1a\",\"us-east-1b\"]'"), ("aws:allowedAccountIds", "'[\"210987654321\"]'"))).IsValid);
        });
    }

    [Test]
    public void JSON_text_that_is_not_a_list_of_strings_is_still_refused_as_written()
    {
        var error = Refusal(("widget:availabilityZones", "'[1, 2]'"), ("aws:allowedAccountIds", "'[\"123456789012\"'"));

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors.Single(e => e.Key == "widget:availabilityZones").ToString(), Does.StartWith("widget:availabilityZones = '[1, 2]': not a list"));
            Assert.That(error.Errors.Single(e => e.Key == "aws:allowedAccountIds").Value, Is.EqualTo("'[\"123456789012\"'"));
        });
    }

    [TestCase("[]", true)]
    [TestCase("[ops@example.com]", false)]
    public void A_budget_whose_alerts_mail_nobody_is_warned_of(string emails, bool warned)
    {
        var design = Design(("widget:monthlyBudgetUsd", "400"), ("widget:alarmEmails", emails));

        Assert.That(design.Warnings.Any(w => w.StartsWith("Budget alerts (400 USD a month, at 80%) go to the alarm topic, which mails nobody", StringComparison.Ordinal)), Is.EqualTo(warned));
    }

    [Test]
    public void No_budget_and_no_address_warns_of_no_budget_alerts() =>
        Assert.That(Design(("widget:alarmEmails", "[]")).Warnings, Has.None.StartWith("Budget alerts"));

    private static WidgetDesign Design(params (string Key, string? Value)[] changes) =>
        WidgetDesign.From(SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", ValidStack.Yaml(changes)), "qa")));

    private static SettingsException Refusal(params (string Key, string? Value)[] changes) =>
        Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", ValidStack.Yaml(changes)), "qa")))!;
}
