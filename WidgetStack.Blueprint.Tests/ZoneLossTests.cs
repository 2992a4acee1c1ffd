using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Resilience;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>Losing one availability zone, simulated on a stack's design, against outcomes worked out by hand.</summary>
public class ZoneLossTests
{
    [Test]
    public void Prod_survives_the_loss_of_any_one_zone_and_its_subnets_hold_the_peak()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var peak = SettingsReader.PeakTasks(design.Settings.Scaling, design.Settings.Deployment);

        // 3 tasks over 3 zones with a NAT gateway each: 2 left, the floor is 3, every subnet keeps its NAT, 2 zones left.
        Assert.That(ZoneLoss.Of(design), Is.EqualTo(design.Network.Zones.Select(z =>
            new ZoneLoss(z.Zone, 3, 2, 3, true, true, 2, ZoneLossVerdict.Survives, "ECS starts 1 more in the other zones to reach 3"))));
        Assert.That((design.Network.Zones.Count - 1) * design.Network.PrivateSubnetUsableAddresses, Is.GreaterThanOrEqualTo(peak));
    }

    [Test]
    public void Prods_blueprint_has_a_row_per_zone_with_its_verdict()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Loss of one zone (ECS spreads 3 tasks evenly over 3 zones; the lost zone is taken to hold the most)"));
            foreach (var zone in new[] { "us-east-1a", "us-east-1b", "us-east-1c" })
            {
                Assert.That(output, Does.Match(TableRow.Containing(zone, "2 of 3", "3", "yes", "2", "survives: ECS starts 1 more in the other zones to")));
            }
        });
    }

    // dev: one task over two zones, taken to sit in the zone lost; one NAT gateway, in us-east-1a.
    [Test]
    public void Dev_is_down_either_way_and_cannot_restart_without_its_NAT_zone()
    {
        var losses = ZoneLoss.Of(WidgetDesign.Load(Repository.Root, "dev"));

        Assert.That(losses, Is.EqualTo(new[]
        {
            new ZoneLoss("us-east-1a", 1, 0, 1, EgressKept: false, ReplacementsCanStart: false, 1, ZoneLossVerdict.Down,
                "no task is left, and none can start; the NAT gateway in us-east-1a is gone: the remaining tasks reach nothing outside the VPC, "
                + "and new ones cannot pull the image; the load balancer runs in one zone"),
            new ZoneLoss("us-east-1b", 1, 0, 1, EgressKept: true, ReplacementsCanStart: true, 1, ZoneLossVerdict.Down,
                "no task is left; ECS starts 1 in the other zones; the load balancer runs in one zone"),
        }));
    }

    // 4 tasks over 2 zones, one NAT gateway, no endpoints: 2 left; without us-east-1a nothing can start.
    [Test]
    public void A_single_NAT_without_endpoints_leaves_the_other_zone_serving_but_stranded()
    {
        var design = Design(("widget:availabilityZones", "[us-east-1a, us-east-1b]"), ("widget:replicas", "4"), ("widget:natGateways", "single"), ("widget:vpcEndpoints", "false"));

        var losses = ZoneLoss.Of(design);
        var output = Report.TextReport.Render(design, width: 1000);

        Assert.That(output, Does.Match(TableRow.Containing("us-east-1b", "2 of 4", "4", "yes", "1", "degraded: the load balancer runs in one zone; ECS")));
        Assert.That(losses, Is.EqualTo(new[]
        {
            new ZoneLoss("us-east-1a", 4, 2, 4, false, false, 1, ZoneLossVerdict.Degraded,
                "the NAT gateway in us-east-1a is gone: the remaining tasks reach nothing outside the VPC, and new ones cannot pull the image; "
                + "the load balancer runs in one zone; 2 short of 4, and none can start"),
            new ZoneLoss("us-east-1b", 4, 2, 4, true, true, 1, ZoneLossVerdict.Degraded,
                "the load balancer runs in one zone; ECS starts 2 more in the other zones to reach 4"),
        }));
    }

    // 3 tasks over 3 zones, one NAT gateway in us-east-1a, VPC endpoints on: replacements pull through the endpoints.
    [Test]
    public void A_single_NAT_with_endpoints_degrades_only_in_its_own_zone()
    {
        var design = Design(("widget:natGateways", "single"), ("widget:vpcEndpoints", "true"));

        var losses = ZoneLoss.Of(design);

        Assert.Multiple(() =>
        {
            Assert.That(losses[0], Is.EqualTo(new ZoneLoss("us-east-1a", 3, 2, 3, false, true, 2, ZoneLossVerdict.Degraded,
                "the NAT gateway in us-east-1a is gone: the tasks reach ECR, S3 and CloudWatch Logs through the VPC endpoints, but nothing else outside; "
                + "ECS starts 1 more in the other zones to reach 3")));
            Assert.That(losses.Skip(1).Select(l => (l.Zone, l.EgressKept, l.Verdict)), Is.EqualTo(new[]
            {
                ("us-east-1b", true, ZoneLossVerdict.Survives), ("us-east-1c", true, ZoneLossVerdict.Survives),
            }));
        });
    }

    // 7 tasks over 3 zones: at most 3 in one zone, so 4 left, above the autoscaling floor of 2: nothing to add.
    [Test]
    public void Tasks_left_above_the_autoscaling_floor_survive_with_nothing_to_add()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:replicas", "7"), ("widget:autoscaling", "true"), ("widget:minReplicas", "2"), ("widget:maxReplicas", "8")));

        var loss = ZoneLoss.Of(WidgetDesign.Load(folder, "qa"))[0];

        Assert.That(loss, Is.EqualTo(new ZoneLoss("us-east-1a", 7, 4, 2, true, true, 2, ZoneLossVerdict.Survives, "")));
        Assert.That(BlueprintRun.RunUnwrapped("qa", "--dir", folder).Output, Does.Match(TableRow.Of("us-east-1a", "4 of 7", "2", "yes", "2", "survives")));
    }

    private static WidgetDesign Design(params (string Key, string? Value)[] changes) =>
        WidgetDesign.Load(Repository.WithStack("qa", ValidStack.Yaml(changes)), "qa");
}
