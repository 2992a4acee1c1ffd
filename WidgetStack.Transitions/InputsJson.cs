using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace WidgetStack.Transitions;

/// <summary>A resource's inputs as the mock runtime delivers them, as JSON with keys in order.</summary>
public static class InputsJson
{
    /// <summary>The inputs as a JSON object.</summary>
    public static JsonObject From(ImmutableDictionary<string, object> inputs) => (JsonObject)Node(inputs)!;

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        ImmutableDictionary<string, object> map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Node(p.Value)))),
        ImmutableArray<object> list => new JsonArray([.. list.Select(Node)]),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double number => JsonValue.Create(number),
        _ => JsonValue.Create(value.ToString()),
    };
}
