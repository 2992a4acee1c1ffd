using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>Simulates losing one availability zone against a stack's design.</summary>
public class ZoneLossTests
{
    [Test]
    public void Prod_survives_the_loss_of_any_one_zone()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var peak = SettingsReader.PeakTasks(design.Settings.Scaling, design.Settings.Deployment);

        foreach (var lost in design.Network.Zones.Select(z => z.Zone))
        {
            var left = design.Network.Zones.Where(z => z.Zone != lost).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(left, Has.Count.GreaterThanOrEqualTo(2), $"without {lost} the ALB still has two zones");
                Assert.That(left.Select(z => z.EgressNatZone), Has.None.EqualTo(lost), $"without {lost} every remaining private subnet keeps its NAT");
                Assert.That(left.Count * design.Network.PrivateSubnetUsableAddresses, Is.GreaterThanOrEqualTo(peak), $"without {lost} the remaining subnets hold the peak of {peak} tasks");
            });
        }
    }

    [Test]
    public void Dev_loses_egress_with_its_single_NAT_zone_and_says_so()
    {
        var design = WidgetDesign.Load(Repository.Root, "dev");
        var natZone = design.Network.Zones.Single(z => z.HasNatGateway).Zone;

        Assert.Multiple(() =>
        {
            Assert.That(design.Network.Zones.Select(z => z.EgressNatZone), Has.All.EqualTo(natZone));
            Assert.That(design.Warnings, Has.Some.Contain($"losing {natZone} cuts egress"));
        });
    }
}
