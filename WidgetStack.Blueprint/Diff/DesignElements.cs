using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WidgetStack.Blueprint.Design;

namespace WidgetStack.Blueprint.Diff;

/// <summary>
/// A design as a flat list of elements, path to value (<c>Network.Zones[2].PrivateSubnetCidr</c>),
/// so that two designs compare element by element whatever the design grows to hold.
/// </summary>
public static class DesignElements
{
    /// <summary>Every element of <paramref name="design"/> but its settings (the diff compares those by key).</summary>
    public static IReadOnlyDictionary<string, string> Of(WidgetDesign design)
    {
        var elements = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk("", JsonSerializer.SerializeToNode(design, DesignJson.Default.WidgetDesign), elements);
        return elements;
    }

    // The items' names (Name, else Zone), when every item has a distinct one.
    private static List<string>? Names(JsonArray items)
    {
        var names = items.Select(item => (item as JsonObject)?["Name"] is JsonValue name ? name.ToString()
            : (item as JsonObject)?["Zone"] is JsonValue zone ? zone.ToString() : null).ToList();
        return names.Count > 0 && names.All(n => n is not null) && names.Distinct(StringComparer.Ordinal).Count() == names.Count ? [.. names.OfType<string>()] : null;
    }

    private static void Walk(string path, JsonNode? node, IDictionary<string, string> elements)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties)
                {
                    Walk(path.Length == 0 ? name : $"{path}.{name}", value, elements);
                }

                break;
            case JsonArray items when Names(items) is { } names:
                // Items with names are matched by name, so an item that only moved in its list is no change.
                for (var index = 0; index < items.Count; index++)
                {
                    Walk($"{path}[{names[index]}]", items[index], elements);
                }

                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                {
                    Walk($"{path}[{index}]", items[index], elements);
                }

                break;
            case JsonValue value:
                elements[path] = value.ToString();
                break;
            default:
                // null: absent, so the other side's elements show against "(none)".
                break;
        }
    }
}

/// <summary>A policy statement's resource as the blueprint names it.</summary>
internal sealed class PolicyResourceAsText : JsonConverter<PolicyResource>
{
    // Stryker disable once String : never called; the message only explains why
    public override PolicyResource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Designs are written, never read.");

    public override void Write(Utf8JsonWriter writer, PolicyResource value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Writes designs without reflection, so the blueprint also builds ahead of time.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, Converters = [typeof(PolicyResourceAsText)])]
[JsonSerializable(typeof(WidgetDesign))]
internal sealed partial class DesignJson : JsonSerializerContext;
