using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetStack.Transitions;

/// <summary>What one resource type's inputs do to it when they change.</summary>
/// <param name="ReplaceOn">Input paths whose change replaces the resource (ForceNew); <c>[*]</c> stands for any list item.</param>
/// <param name="PhysicalName">The input that sets the name AWS knows it by, or null when AWS names it.</param>
/// <param name="NameUnique">Whether AWS refuses a second one of the same name while the first exists.</param>
/// <param name="Source">Where the facts were read.</param>
public sealed record TypeFacts(
    [property: JsonPropertyName("replaceOn")] IReadOnlyList<string> ReplaceOn,
    [property: JsonPropertyName("physicalName")] string? PhysicalName,
    [property: JsonPropertyName("nameUnique")] bool NameUnique,
    [property: JsonPropertyName("source")] string Source);

/// <summary>
/// The AWS provider's replacement facts for every resource type the program registers, from
/// <c>ReplacementFacts.json</c> (its header says where each was read).
/// </summary>
public sealed class ReplacementFacts
{
    private ReplacementFacts(IReadOnlyDictionary<string, TypeFacts> types) => Types = types;

    /// <summary>Facts by type token.</summary>
    public IReadOnlyDictionary<string, TypeFacts> Types { get; }

    /// <summary>The facts this assembly carries.</summary>
    public static ReplacementFacts Load()
    {
        using var stream = typeof(ReplacementFacts).Assembly.GetManifestResourceStream("ReplacementFacts.json")
            ?? throw new InvalidOperationException("ReplacementFacts.json is not embedded.");
        using var document = JsonDocument.Parse(stream);
        var types = document.RootElement.GetProperty("types").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Deserialize<TypeFacts>()!);
        return new ReplacementFacts(types);
    }

    /// <summary>
    /// The changed input paths of a <paramref name="type"/> that replace it: a path matches a fact
    /// when, with list indexes read as <c>[*]</c>, it is the fact or lies under it.
    /// </summary>
    public IReadOnlyList<string> Replacing(string type, IEnumerable<string> changedPaths)
    {
        var facts = Types.GetValueOrDefault(type) ?? throw new KeyNotFoundException($"No replacement facts for {type}: add them to ReplacementFacts.json with their source.");
        return [.. changedPaths.Where(path => facts.ReplaceOn.Any(fact => JsonPaths.IsAtOrUnder(JsonPaths.AnyIndex(path), fact)))];
    }
}
