using System.Text.Json;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack;

/// <summary>
/// The stack's configuration as the Pulumi engine hands it to the program: the PULUMI_CONFIG
/// map the language host sets (Pulumi.yaml defaults already applied by the CLI). The whole map is
/// read, not key by key, so that a misspelt key is caught like the blueprint catches it.
/// </summary>
internal static class PulumiStackConfig
{
    /// <summary>Environment variable the Pulumi language host fills with the config map (JSON).</summary>
    public const string Variable = "PULUMI_CONFIG";

    /// <summary>Reads the map into the same <see cref="StackConfig"/> the blueprint builds from the files.</summary>
    public static StackConfig Read(string project, string stack)
    {
        var json = Environment.GetEnvironmentVariable(Variable) ?? "{}";
        using var document = JsonDocument.Parse(json);
        ConfigValue? region = null;
        ConfigValue? accounts = null;
        var values = new List<KeyValuePair<string, ConfigValue>>();
        var others = new List<KeyValuePair<string, ConfigValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var (space, key) = Split(property.Name);
            var qualified = space.Length > 0 ? $"{space}:{key}" : key;
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            if (qualified == StackFile.RegionKey)
            {
                region = new ConfigValue.Scalar(text);
            }
            else if (qualified == StackFile.AllowedAccountsKey)
            {
                accounts = List(text);
            }
            else if (space == project)
            {
                values.Add(KeyValuePair.Create(key, Value(key, text)));
            }
            else
            {
                // Provider keys pass; anything else is refused by the settings reader, as the blueprint refuses it.
                others.Add(KeyValuePair.Create(qualified, (ConfigValue)new ConfigValue.Scalar(text)));
            }
        }

        return new StackConfig(project, stack, region, values, accounts) { OtherKeys = others };
    }

    // Arrays reach the program as JSON text; everything else as plain text.
    private static ConfigValue Value(string key, string text) =>
        SettingKeys.Types.GetValueOrDefault(key) == ConfigType.StringArray ? List(text) : new ConfigValue.Scalar(text);

    // A list as JSON text, or the text itself when it is not one (the reader then names it); the
    // blueprint reads a list the stack file gives as JSON text the same way.
    private static ConfigValue List(string text) => ConfigValue.FromJsonText(text) ?? (ConfigValue)new ConfigValue.Scalar(text);

    // Keys come as "widget:replicas" or, from older engines, "widget:config:replicas"; any other
    // form is kept whole, to be named as written.
    private static (string Space, string Key) Split(string name)
    {
        var parts = name.Split(':');
        return parts.Length switch
        {
            2 => (parts[0], parts[1]),
            3 when parts[1] == "config" => (parts[0], parts[2]),
            _ => ("", name),
        };
    }
}
