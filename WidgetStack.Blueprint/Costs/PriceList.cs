using System.Text.Json;
using System.Text.Json.Serialization;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Costs;

/// <summary>Fargate's price of one unit (a vCPU or a GB of memory) for an hour, per architecture and capacity.</summary>
/// <param name="X86OnDemand">x86, on-demand, USD per hour.</param>
/// <param name="ArmOnDemand">ARM (Graviton), on-demand, USD per hour.</param>
/// <param name="X86Spot">x86, Fargate Spot, USD per hour.</param>
/// <param name="ArmSpot">ARM, Fargate Spot, USD per hour.</param>
public sealed record FargateRates(decimal X86OnDemand, decimal ArmOnDemand, decimal X86Spot, decimal ArmSpot)
{
    /// <summary>The rate a task of <paramref name="architecture"/> pays, on Spot or not.</summary>
    public decimal For(CpuArchitecture architecture, bool spot) => (architecture, spot) switch
    {
        (CpuArchitecture.ARM64, true) => ArmSpot,
        (CpuArchitecture.ARM64, false) => ArmOnDemand,
        (_, true) => X86Spot,
        _ => X86OnDemand,
    };
}

/// <summary>
/// What automatic rotation adds to a KMS key's monthly price: each rotation of the key's material
/// adds the same monthly charge, for the first <see cref="BilledRotations"/> rotations only.
/// </summary>
/// <param name="RotationMonth">What one billed rotation adds to the key, USD per month.</param>
/// <param name="BilledRotations">Rotations that add to the price; later ones add nothing.</param>
/// <param name="Source">Where this was read (it changed apart from the other prices).</param>
/// <param name="AsOf">The day it was read, yyyy-mm-dd.</param>
public sealed record KmsKeyRotation(decimal RotationMonth, int BilledRotations, string Source, string AsOf)
{
    /// <summary>The most a rotated key costs a month: the key and every billed rotation, USD.</summary>
    public decimal MostPerKey(decimal keyMonth) => keyMonth + (BilledRotations * RotationMonth);

    /// <summary>What a rotated key costs a month in year <paramref name="year"/> of its life (1 = before its first yearly rotation), USD.</summary>
    public decimal PerKeyInYear(decimal keyMonth, int year) => keyMonth + (Math.Min(year - 1, BilledRotations) * RotationMonth);
}

/// <summary>
/// The list prices of one region, read from <c>Costs/Prices/&lt;region&gt;.json</c>: prices are data,
/// each file names its source and date, and a new region is a new file.
/// </summary>
/// <param name="Region">The region the prices hold in.</param>
/// <param name="Currency">Always USD.</param>
/// <param name="AsOf">The day the prices were read, yyyy-mm-dd.</param>
/// <param name="Source">Where they were read.</param>
/// <param name="FargateVcpuHour">Per vCPU, USD per hour.</param>
/// <param name="FargateGbHour">Per GB of memory, USD per hour.</param>
/// <param name="AlbHour">An Application Load Balancer, USD per hour.</param>
/// <param name="AlbLcuHour">A load balancer capacity unit, USD per hour.</param>
/// <param name="NatGatewayHour">A NAT gateway, USD per hour.</param>
/// <param name="NatGatewayGb">Data a NAT gateway processes, USD per GB.</param>
/// <param name="InterfaceEndpointZoneHour">An interface endpoint in one zone, USD per hour.</param>
/// <param name="InterfaceEndpointGb">Data an interface endpoint processes, USD per GB.</param>
/// <param name="PublicIpv4Hour">A public IPv4 address, USD per hour.</param>
/// <param name="LogsIngestionGb">CloudWatch Logs ingestion, USD per GB.</param>
/// <param name="LogsStorageGbMonth">CloudWatch Logs storage, USD per GB-month.</param>
/// <param name="AlarmMonth">A standard-resolution metric alarm, USD per month.</param>
/// <param name="DashboardMonth">A CloudWatch dashboard, USD per month.</param>
/// <param name="WafWebAclMonth">A WAF web ACL, USD per month.</param>
/// <param name="WafRuleMonth">A WAF rule or managed rule group, USD per month.</param>
/// <param name="WafMillionRequests">Requests WAF inspects, USD per million.</param>
/// <param name="KmsKeyMonth">A customer managed KMS key, USD per month.</param>
/// <param name="KmsKeyRotation">What automatic rotation adds to a key.</param>
/// <param name="S3StandardGbMonth">S3 Standard storage, USD per GB-month.</param>
public sealed record PriceList(
    string Region,
    string Currency,
    string AsOf,
    string Source,
    FargateRates FargateVcpuHour,
    FargateRates FargateGbHour,
    decimal AlbHour,
    decimal AlbLcuHour,
    decimal NatGatewayHour,
    decimal NatGatewayGb,
    decimal InterfaceEndpointZoneHour,
    decimal InterfaceEndpointGb,
    decimal PublicIpv4Hour,
    decimal LogsIngestionGb,
    decimal LogsStorageGbMonth,
    decimal AlarmMonth,
    decimal DashboardMonth,
    decimal WafWebAclMonth,
    decimal WafRuleMonth,
    decimal WafMillionRequests,
    decimal KmsKeyMonth,
    KmsKeyRotation KmsKeyRotation,
    decimal S3StandardGbMonth)
{
    private const string ResourcePrefix = "Prices/";

    /// <summary>The regions that have a price list.</summary>
    // Stryker disable once Linq : with one price list today, ascending and descending order agree
    public static IReadOnlyList<string> Regions { get; } =
        [.. typeof(PriceList).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The price list of <paramref name="region"/>, or null when the program has none.</summary>
    public static PriceList? For(string region)
    {
        using var stream = typeof(PriceList).Assembly.GetManifestResourceStream($"{ResourcePrefix}{region}.json");
        return stream is null ? null : JsonSerializer.Deserialize(stream, PriceListJson.Default.PriceList);
    }
}

/// <summary>Reads price lists without reflection (the blueprint starts fast).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PriceList))]
internal sealed partial class PriceListJson : JsonSerializerContext;
