namespace WidgetStack.Blueprint.Controls;

/// <summary>
/// A resource as a stack registers it with the Pulumi engine: its type token, logical name and
/// inputs (nested maps, lists, strings, numbers and booleans). The controls read these, not the design.
/// </summary>
/// <param name="Type">Type token, e.g. <c>aws:ecs/service:Service</c>.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Inputs">The inputs as the engine received them.</param>
public sealed record RegisteredResource(string Type, string Name, IReadOnlyDictionary<string, object> Inputs)
{
    /// <summary>The value at a path of keys, or null.</summary>
    public object? At(params string[] path)
    {
        object? current = Inputs;
        foreach (var key in path)
        {
            current = current is IReadOnlyDictionary<string, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return current;
    }

    /// <summary>A string at a path, or null.</summary>
    public string? Text(params string[] path) => At(path) as string;

    /// <summary>Whether the value at a path is the boolean true.</summary>
    public bool IsTrue(params string[] path) => At(path) is true;

    /// <summary>A list at a path, empty when absent.</summary>
    public IReadOnlyList<object> List(params string[] path) => At(path) is not string and IEnumerable<object> list ? [.. list] : [];

    /// <summary>A whole number at a path, or null.</summary>
    public int? Number(params string[] path) => At(path) switch
    {
        double d => (int)d,
        int i => i,
        _ => null,
    };
}
