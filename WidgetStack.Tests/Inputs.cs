using System.Collections.Immutable;
using System.Globalization;
using Pulumi.Testing;

namespace WidgetStack.Tests;

/// <summary>Reads the inputs of a registered resource (nested maps and lists as the mock runtime delivers them).</summary>
internal static class Inputs
{
    /// <summary>The value at a path of keys, or null.</summary>
    public static object? At(this MockResourceArgs resource, params string[] path) => At(resource.Inputs, path);

    /// <summary>A string at a path.</summary>
    public static string? Text(this MockResourceArgs resource, params string[] path) => resource.At(path) as string;

    /// <summary>A whole number at a path (the runtime delivers numbers as doubles).</summary>
    public static int? Number(this MockResourceArgs resource, params string[] path) =>
        resource.At(path) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>A list at a path, empty when absent.</summary>
    public static ImmutableArray<object> List(this MockResourceArgs resource, params string[] path) =>
        resource.At(path) is ImmutableArray<object> list ? list : [];

    /// <summary>A nested map at a path, empty when absent.</summary>
    public static ImmutableDictionary<string, object> Map(object? value) =>
        value as ImmutableDictionary<string, object> ?? ImmutableDictionary<string, object>.Empty;

    private static object? At(ImmutableDictionary<string, object> map, string[] path)
    {
        object? current = map;
        foreach (var key in path)
        {
            current = current is ImmutableDictionary<string, object> dictionary && dictionary.TryGetValue(key, out var next) ? next : null;
        }

        return current;
    }
}
