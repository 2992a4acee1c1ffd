using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// AWS's regions and their zones are data (Rules/AwsRegions.json) with their sources: the file is
/// checked for shape, and the reader and the stack file schema are checked against it, so that what
/// they accept is exactly what the data lists.
/// </summary>
public class AwsRegionsTests
{
    private static readonly AwsRegions Data = AwsRegions.All;

    public static IEnumerable<string> Regions() => AwsRegions.All.Regions;

    [Test]
    public void The_data_names_its_sources_and_the_day_they_were_read()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Data.RegionsSource, Does.Contain("partitions.json").And.Contain("aws/aws-sdk-js-v3"));
            Assert.That(Data.ZonesSource, Does.Contain("https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html"));
            Assert.That(Data.AsOf, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        });
    }

    [Test]
    public void Every_region_has_a_region_name_and_at_least_three_zone_letters_in_order()
    {
        Assert.That(Data.ZoneLetters, Has.Count.GreaterThanOrEqualTo(30));
        Assert.Multiple(() =>
        {
            foreach (var (region, letters) in Data.ZoneLetters)
            {
                Assert.That(Rules.AwsNames.IsRegionShaped(region), region);
                Assert.That(letters, Does.Match("^[a-z]{3,6}$"), region);
                Assert.That(letters, Is.EqualTo(string.Concat(letters.Distinct().Order())), region);
            }
        });
    }

    [Test]
    public void The_data_holds_the_zones_whose_letters_skip_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Data.ZonesOf("us-east-1"), Is.EqualTo(new[] { "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f" }));
            Assert.That(Data.ZonesOf("ca-central-1"), Is.EqualTo(new[] { "ca-central-1a", "ca-central-1b", "ca-central-1d" }));
            Assert.That(Data.ZonesOf("atlantis-1"), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Regions))]
    public void The_reader_takes_every_zone_of_a_region_and_no_letter_past_them(string region)
    {
        var zones = Data.ZonesOf(region);
        var past = region + (char)(Data.ZoneLetters[region][^1] + 1);

        Assert.DoesNotThrow(() => Read(region, zones.Take(6)));
        var error = Assert.Throws<SettingsException>(() => Read(region, [zones[0], past]));
        Assert.That(error!.Errors.Single().Problem, Does.Contain($"'{past}' is not a zone AWS has"));
    }

    [Test]
    public void The_schema_offers_exactly_the_regions_and_zones_of_the_data()
    {
        var config = JsonNode.Parse(StackSchema.Text)!["properties"]!["config"]!["properties"]!;
        var regions = config["aws:region"]!["enum"]!.AsArray().Select(r => r!.GetValue<string>());
        var zonePattern = new Regex(config["widget:availabilityZones"]!["anyOf"]![0]!["items"]!["pattern"]!.GetValue<string>());
        var everyZone = Data.Regions.SelectMany(Data.ZonesOf).ToList();
        var noZones = Data.Regions.Select(r => r + "z").Concat(["us-east-1", "us-east-9a", "atlantis-1a"]);

        Assert.Multiple(() =>
        {
            Assert.That(regions, Is.EqualTo(Data.Regions));
            Assert.That(everyZone.Where(z => !zonePattern.IsMatch(z)), Is.Empty);
            Assert.That(noZones.Where(z => zonePattern.IsMatch(z)), Is.Empty);
        });
    }

    private static WidgetSettings Read(string region, IEnumerable<string> zones) =>
        SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", ValidStack.Yaml(("aws:region", region), ("widget:availabilityZones", $"[{string.Join(", ", zones)}]"))), "qa"));
}
