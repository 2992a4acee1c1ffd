namespace WidgetStack.Blueprint.Tests;

/// <summary>A valid stack file, as key/value lines, that tests change one key at a time.</summary>
internal static class ValidStack
{
    /// <summary>Every key a minimal valid stack sets, as YAML values.</summary>
    public static IReadOnlyDictionary<string, string> Lines { get; } = new Dictionary<string, string>
    {
        ["aws:region"] = "us-east-1",
        ["aws:allowedAccountIds"] = "[\"123456789012\"]",
        ["widget:availabilityZones"] = "[us-east-1a, us-east-1b, us-east-1c]",
        ["widget:image"] = "123456789012.dkr.ecr.us-east-1.amazonaws.com/widget:1.2.3",
        ["widget:replicas"] = "3",
    };

    /// <summary>The stack file with <paramref name="changes"/> applied (a null value removes the key).</summary>
    public static string Yaml(params (string Key, string? Value)[] changes)
    {
        var lines = Lines.ToDictionary();
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                lines.Remove(key);
            }
            else
            {
                lines[key] = value;
            }
        }

        return "config:\n" + string.Concat(lines.Select(pair => $"  {pair.Key}: {pair.Value}\n"));
    }
}
