using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WidgetStack.Transitions;

/// <summary>Paths into a resource's inputs, written as Pulumi writes them: <c>loadBalancers[0].targetGroupArn</c>.</summary>
public static partial class JsonPaths
{
    /// <summary>Every leaf of <paramref name="node"/> by its path (an empty list or map is a leaf too).</summary>
    public static Dictionary<string, string> Leaves(JsonNode? node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", leaves);
        return leaves;
    }

    /// <summary>The paths whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static IReadOnlyList<string> Changed(JsonNode? before, JsonNode? after)
    {
        var (old, now) = (Leaves(before), Leaves(after));
        return [.. old.Keys.Union(now.Keys).Where(path => old.GetValueOrDefault(path) != now.GetValueOrDefault(path)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The path with every list index written <c>[*]</c>.</summary>
    public static string AnyIndex(string path) => Index().Replace(path, "[*]");

    /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> or lies under it.</summary>
    public static bool IsAtOrUnder(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal);

    /// <summary>
    /// Applies Pulumi's ignoreChanges: each ignored path of <paramref name="after"/> takes the value
    /// it had in <paramref name="before"/>; where <paramref name="before"/> had none, the program's
    /// value stays ("Ignored properties will still be used from the program when there is no
    /// previous value in the state", Pulumi docs, ignoreChanges).
    /// </summary>
    public static JsonObject WithIgnored(JsonObject after, JsonObject before, IEnumerable<string> ignored)
    {
        var result = (JsonObject)after.DeepClone();
        foreach (var path in ignored)
        {
            if (Find(before, path) is { Found: true } old)
            {
                Set(result, path, old.Node?.DeepClone());
            }
        }

        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                foreach (var (key, child) in map)
                {
                    Walk(child, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }

                break;
            case JsonArray list when list.Count > 0:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }

    private static (bool Found, JsonNode? Node) Find(JsonNode? node, string path)
    {
        foreach (var step in Steps(path))
        {
            switch (step, node)
            {
                case (int index, JsonArray list) when index < list.Count:
                    node = list[index];
                    break;
                case (string key, JsonObject map) when map.TryGetPropertyValue(key, out var child):
                    node = child;
                    break;
                default:
                    return (false, null);
            }
        }

        return (true, node);
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var steps = Steps(path).ToList();
        JsonNode? node = root;
        foreach (var step in steps[..^1])
        {
            node = step switch
            {
                int index when node is JsonArray list && index < list.Count => list[index],
                string key when node is JsonObject map => map[key] ??= new JsonObject(),
                _ => null,
            };
        }

        switch (steps[^1], node)
        {
            case (int index, JsonArray list) when index < list.Count:
                list[index] = value;
                break;
            case (string key, JsonObject map):
                map[key] = value;
                break;
        }
    }

    // "a.b[0].c" -> "a", "b", 0, "c"
    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part.Split('[')[0];
            if (name.Length > 0)
            {
                yield return name;
            }

            foreach (Match index in Index().Matches(part))
            {
                yield return int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
