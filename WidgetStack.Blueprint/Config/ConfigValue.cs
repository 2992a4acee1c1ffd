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
