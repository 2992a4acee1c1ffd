using Pulumi;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// A zone the stack's account does not have stops the program before any resource registers: the
/// account's own answer decides, not the offline list of AWS's letters.
/// </summary>
public class AccountZoneTests
{
    [Test]
    public async Task A_stack_naming_a_zone_its_account_lacks_is_refused_before_any_resource_registers()
    {
        // An older account in us-east-1 may have letters a, c, d, e, f and no b.
        string[] zonesOfThisAccount = ["us-east-1a", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"];
        var config = StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []);

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", config, accountZones: _ => zonesOfThisAccount);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<RunException>(), "a clean message, no stack trace");
            Assert.That(error!.Message, Does.Contain(
                "widget:availabilityZones = [us-east-1a, us-east-1b, us-east-1c]: account 123456789012 has no Availability Zone 'us-east-1b' in aws:region us-east-1"));
            Assert.That(error.Message, Does.Contain("zones the account has: us-east-1a, us-east-1c, us-east-1d, us-east-1e, us-east-1f"));
            Assert.That(run.Registered.Where(r => r.Type != "pulumi:pulumi:Stack"), Is.Empty, "nothing registered");
        });
    }

    [Test]
    public async Task An_account_with_fewer_zones_than_AWS_lists_runs_a_stack_that_names_only_zones_it_has()
    {
        // The check asks that the account has each zone of the stack, not every zone AWS lists.
        string[] zonesOfThisAccount = ["us-east-1a", "us-east-1b", "us-east-1c"];
        var config = StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []);

        var (run, error) = await StackRun.TryRunWithConfigAsync("prod", config, accountZones: _ => zonesOfThisAccount);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(run.OfType("aws:ecs/service:Service"), Has.Count.EqualTo(1));
        });
    }
}
