using System.Globalization;
using System.Text.Json.Nodes;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>One edit of a stack file: a key set to a new value (null removes it).</summary>
/// <param name="Key">The key, e.g. widget:spot.</param>
/// <param name="Value">The new value, or null to remove the key.</param>
/// <param name="Label">How the edit reads, e.g. "spot: true -> false".</param>
public sealed record SettingEdit(string Key, ConfigValue? Value, string Label);

/// <summary>
/// Every single-setting edit of a stack: each boolean flipped, each choice changed to each other
/// choice, each whole number set to each end of its range (as the stack file schema states them),
/// and for the other keys the edits ops make (a new image tag, a zone more or less, a domain added,
/// removed or changed, a certificate, an address more or less).
/// </summary>
internal static class SettingFlips
{
    public static IEnumerable<SettingEdit> Of(StackConfig config)
    {
        var properties = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "schema", "stack.schema.json")))!["properties"]!["config"]!["properties"]!.AsObject();
        foreach (var (qualified, schema) in properties)
        {
            if (!qualified.StartsWith(config.Project + ":", StringComparison.Ordinal))
            {
                continue;
            }

            var key = qualified[(config.Project.Length + 1)..];
            var current = config.Get(key);
            var text = (current as ConfigValue.Scalar)?.Text;
            foreach (var edit in EditsOf(key, schema!, current, text))
            {
                yield return edit with { Key = qualified };
            }
        }
    }

    private static IEnumerable<SettingEdit> EditsOf(string key, JsonNode schema, ConfigValue? current, string? text)
    {
        SettingEdit To(string value) => new(key, new ConfigValue.Scalar(value), $"{key}: {text ?? "(unset)"} -> {value}");
        var shape = schema["anyOf"]?[0] ?? schema;
        if (shape["type"]?.GetValue<string>() == "boolean")
        {
            yield return To(bool.TryParse(text, out var on) && on ? "false" : "true");
        }
        else if (shape["type"]?.GetValue<string>() == "integer")
        {
            var values = shape["enum"] is JsonArray choices
                ? choices.Select(c => c!.GetValue<int>()).ToList()
                : [shape["minimum"]!.GetValue<int>(), shape["maximum"]!.GetValue<int>()];
            foreach (var value in new[] { values[0], values[^1] }.Distinct().Where(v => v.ToString(CultureInfo.InvariantCulture) != text))
            {
                yield return To(value.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (shape["enum"] is JsonArray words)
        {
            foreach (var word in words.Select(w => w!.GetValue<string>()).Where(w => w != text))
            {
                yield return To(word);
            }
        }
        else
        {
            foreach (var edit in OtherEdits(key, current, text))
            {
                yield return edit;
            }
        }
    }

    private static IEnumerable<SettingEdit> OtherEdits(string key, ConfigValue? current, string? text)
    {
        SettingEdit To(string value) => new(key, new ConfigValue.Scalar(value), $"{key}: {text} -> {value}");
        SettingEdit ToList(IReadOnlyList<string> items, string what) => new(key, new ConfigValue.List(items), $"{key}: {what}");
        switch (key)
        {
            case "image":
                yield return To(text![..text!.LastIndexOf(':')] + ":2.0.0");
                break;
            case "vpcCidr":
                yield return To(text == "10.9.0.0/16" ? "10.8.0.0/16" : "10.9.0.0/16");
                break;
            case "availabilityZones" when current is ConfigValue.List zones:
                var next = "us-east-1" + (char)(zones.Items.Max(z => z[^1]) + 1);
                yield return ToList([.. zones.Items, next], $"a zone more ({next})");
                if (zones.Items.Count > 2)
                {
                    yield return ToList(zones.Items.Take(zones.Items.Count - 1).ToList(), $"a zone less ({zones.Items[^1]})");
                }

                break;
            case "alarmEmails" when current is ConfigValue.List emails:
                yield return ToList([.. emails.Items, "oncall@example.com"], "an address more");
                if (emails.Items.Count > 0)
                {
                    yield return ToList([], "no address");
                }

                break;
            case "healthCheckPath":
                yield return To(text == "/health" ? "/" : "/health");
                break;
            case "certificateArn" when text is "" or null:
                yield return To("arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012");
                break;
            case "certificateArn":
                yield return To("");
                break;
            case "domainName" when text is "" or null:
                yield return To("widgets.example.com");
                break;
            case "domainName":
                yield return To("api.example.com");
                yield return To("");
                break;
        }
    }
}
