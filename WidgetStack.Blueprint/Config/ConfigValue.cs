using System.Text.Json;

namespace WidgetStack.Blueprint.Config;

/// <summary>One configuration value as a stack file or the Pulumi engine holds it, before typing.</summary>
public abstract record ConfigValue
{
    private ConfigValue()
    {
    }

    /// <summary>A plain scalar: YAML writes <c>3</c> and <c>pulumi config set</c> writes <c>"3"</c>; both arrive as text.</summary>
    public sealed record Scalar(string Text) : ConfigValue;

    /// <summary>A list of scalars (a YAML sequence, or a JSON array from the engine).</summary>
    public sealed record List(IReadOnlyList<string> Items) : ConfigValue;

    /// <summary>A <c>secure:</c> value: encrypted, never decrypted or printed offline.</summary>
    public sealed record Secret : ConfigValue;

    /// <summary>A mapping or other shape no project key takes.</summary>
    public sealed record Unsupported(string Shape) : ConfigValue;

    /// <summary>
    /// A list written as JSON text, as <c>pulumi config set</c> stores one given as
    /// <c>'["us-east-1a","us-east-1b"]'</c> and as the engine hands every list to the program:
    /// the list when <paramref name="text"/> is a JSON array of strings, else null.
    /// </summary>
    public static List? FromJsonText(string text)
    {
        if (!text.TrimStart().StartsWith('['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var items = document.RootElement.EnumerateArray().ToList();
            return items.All(item => item.ValueKind == JsonValueKind.String) ? new List([.. items.Select(item => item.GetString()!)]) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How the value reads in a message; secrets never show.</summary>
    public string Display => this switch
    {
        Scalar s => $"'{s.Text}'",
        List l => $"[{string.Join(", ", l.Items)}]",
        Secret => "[secret]",
        Unsupported u => $"a {u.Shape}",
        _ => "?",
    };
}
