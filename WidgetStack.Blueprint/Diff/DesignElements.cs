using System.Collections;
using System.Globalization;
using System.Reflection;
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
        foreach (var property in PublicProperties(typeof(WidgetDesign)).Where(p => p.Name != nameof(WidgetDesign.Settings)))
        {
            Walk(property.Name, property.GetValue(design), elements);
        }

        return elements;
    }

    private static void Walk(string path, object? value, IDictionary<string, string> elements)
    {
        switch (value)
        {
            case null:
                // Absent: the other side's elements show against "(none)".
                break;
            case string or bool or Enum or IFormattable:
                elements[path] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Walk($"{path}[{entry.Key}]", entry.Value, elements);
                }

                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Walk($"{path}[{index++}]", item, elements);
                }

                break;
            default:
                var properties = PublicProperties(value.GetType());
                if (properties.Count == 0)
                {
                    elements[path] = value.ToString()!;
                }

                foreach (var property in properties)
                {
                    Walk($"{path}.{property.Name}", property.GetValue(value), elements);
                }

                break;
        }
    }

    private static List<PropertyInfo> PublicProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)];
}
