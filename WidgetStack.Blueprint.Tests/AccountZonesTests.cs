using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// The zones a stack names must be zones its account has: the offline data knows AWS's letters,
/// the account's answer (EC2 DescribeAvailabilityZones) knows which of them this account may use.
/// </summary>
public class AccountZonesTests
{
    private static readonly WidgetSettings Prod = SettingsReader.Read(StackFile.Load(Repository.Root, "prod"));

    [Test]
    public void An_account_that_has_every_zone_of_the_stack_passes()
    {
        var offered = new[] { "us-east-1f", "us-east-1a", "us-east-1b", "us-east-1c" };

        Assert.That(AccountZones.Refusal(Prod, offered), Is.Null);
    }

    [Test]
    public void A_zone_the_account_lacks_is_refused_naming_the_setting_the_zone_and_the_zones_it_has()
    {
        var zones = Prod.Network.AvailabilityZones;
        var offered = new[] { "us-east-1f", zones[0], zones[1] };

        var refusal = AccountZones.Refusal(Prod, offered);

        Assert.That(refusal, Is.Not.Null);
        var error = refusal!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Key, Is.EqualTo("widget:availabilityZones"));
            Assert.That(error.Value, Is.EqualTo($"[{string.Join(", ", zones)}]"));
            Assert.That(error.Problem, Is.EqualTo($"account {Prod.AccountId} has no Availability Zone '{zones[2]}' in aws:region us-east-1 (EC2 DescribeAvailabilityZones)"));
            Assert.That(error.Allowed, Is.EqualTo($"2 to 6 distinct zones the account has: {zones[0]}, {zones[1]}, us-east-1f"));
            Assert.That(refusal.Message, Does.StartWith("stack 'prod' has 1 configuration error(s):"));
        });
    }

    [Test]
    public void An_account_with_no_zone_in_the_region_says_so()
    {
        var error = AccountZones.Refusal(Prod, [])!.Errors.Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Problem, Does.Contain($"no Availability Zone '{Prod.Network.AvailabilityZones[0]}'"));
            Assert.That(error.Allowed, Does.EndWith("zones the account has: none"));
        });
    }
}
