using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// The AWS regions a stack may deploy to and the letters of each region's Availability Zones, read
/// from <c>Rules/AwsRegions.json</c>: AWS's lists are data, each with its source and the day it
/// was read, and a region AWS opens later is a new line there.
/// </summary>
/// <param name="RegionsSource">Where the list of regions was read.</param>
/// <param name="ZonesSource">Where the zones of each region were read.</param>
/// <param name="AsOf">The day they were read, yyyy-mm-dd.</param>
/// <param name="ZoneLetters">Each region and the letters of its zones, e.g. <c>us-east-1</c>: <c>abcdef</c>.</param>
public sealed record AwsRegions(string RegionsSource, string ZonesSource, string AsOf, IReadOnlyDictionary<string, string> ZoneLetters)
{
    /// <summary>The file the lists live in, relative to the project folder.</summary>
    public const string File = "WidgetStack.Blueprint/Rules/AwsRegions.json";

    /// <summary>The lists.</summary>
    public static AwsRegions All { get; } = Load();

    /// <summary>Every region, in order.</summary>
    public IReadOnlyList<string> Regions => [.. ZoneLetters.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="region"/> is a region of the list.</summary>
    public bool Contains(string region) => ZoneLetters.ContainsKey(region);

    /// <summary>The zones of <paramref name="region"/>, e.g. <c>us-east-1a</c>; none for a region not in the list.</summary>
    public IReadOnlyList<string> ZonesOf(string region) =>
        ZoneLetters.TryGetValue(region, out var letters) ? [.. letters.Select(letter => region + letter)] : [];

    private static AwsRegions Load()
    {
        using var stream = typeof(AwsRegions).Assembly.GetManifestResourceStream("Rules/AwsRegions.json")!;
        return JsonSerializer.Deserialize(stream, AwsRegionsJson.Default.AwsRegions)!;
    }
}

/// <summary>Reads the region list without reflection (the blueprint starts fast).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AwsRegions))]
internal sealed partial class AwsRegionsJson : JsonSerializerContext;
