using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetStack.Blueprint.Config;

/// <summary>
/// The config keys a provider accepts, read from <c>Config/AwsProviderKeys.json</c>: a stack file
/// may set any of them in the provider's namespace (<c>aws:profile</c>), and no other key there.
/// </summary>
/// <param name="Namespace">The provider's config namespace, e.g. <c>aws</c>.</param>
/// <param name="Package">The provider package and version the list was read from.</param>
/// <param name="Source">Where the list was read.</param>
/// <param name="AsOf">The day it was read, yyyy-mm-dd.</param>
/// <param name="Keys">The keys, without namespace.</param>
public sealed record ProviderKeys(string Namespace, string Package, string Source, string AsOf, IReadOnlyList<string> Keys)
{
    /// <summary>The keys of the Pulumi AWS provider.</summary>
    public static ProviderKeys Aws { get; } = Load("AwsProviderKeys.json");

    /// <summary>Every key as a stack file writes it, e.g. <c>aws:profile</c>.</summary>
    public IEnumerable<string> Qualified => Keys.Select(key => $"{Namespace}:{key}");

    /// <summary>Whether <paramref name="qualifiedKey"/> (e.g. <c>aws:profile</c>) is one of the provider's keys.</summary>
    public bool Contains(string qualifiedKey) =>
        qualifiedKey.StartsWith(Namespace + ":", StringComparison.Ordinal) && Keys.Contains(qualifiedKey[(Namespace.Length + 1)..], StringComparer.Ordinal);

    private static ProviderKeys Load(string file)
    {
        using var stream = typeof(ProviderKeys).Assembly.GetManifestResourceStream($"Config/{file}")!;
        return JsonSerializer.Deserialize(stream, ProviderKeysJson.Default.ProviderKeys)!;
    }
}

/// <summary>Reads provider key lists without reflection (the blueprint starts fast).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ProviderKeys))]
internal sealed partial class ProviderKeysJson : JsonSerializerContext;
