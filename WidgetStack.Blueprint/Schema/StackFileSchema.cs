using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of a stack file, <c>Pulumi.&lt;stack&gt;.yaml</c>, for editors:
/// every key Pulumi.yaml declares, with its type, default and description, and the bounds the
/// settings reader checks on that key alone (ranges, choices, shapes), so that an editor completes
/// keys and flags most mistakes while typing. Rules between keys stay with the blueprint command.
/// </summary>
public static class StackFileSchema
{
    /// <summary>The draft the schema follows.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Where the schema is checked in, relative to the repository root (and so to the stack files).</summary>
    public const string RelativePath = "schema/stack.schema.json";

    /// <summary>The first line of every stack file: it tells the YAML language server which schema to use.</summary>
    public const string Modeline = "# yaml-language-server: $schema=./" + RelativePath;

    /// <summary>
    /// What the YAML language server shows when a value misses its pattern, instead of the regular
    /// expression; other validators ignore the keyword.
    /// </summary>
    private const string PatternErrorMessage = "patternErrorMessage";

    private const string SecureValue = "secureValue";
    private const string QuotedInteger = "quotedInteger";
    private const string QuotedBoolean = "quotedBoolean";
    private const string JsonTextList = "jsonTextList";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema of <paramref name="project"/>'s stack files, as indented JSON text.</summary>
    public static string Generate(ProjectFile project)
    {
        // The reader checks every key whatever its value, so a stack of the defaults alone shows every bound.
        // Stryker disable once String : the stack's name is never read when only the bounds are wanted.
        var accepted = SettingsReader.Accepted(StackConfig.Merge(project.Name, "schema", null, project.Declarations, []));
        var keys = new JsonObject
        {
            [StackFile.RegionKey] = new JsonObject
            {
                ["description"] = $"The AWS region the stack deploys to, e.g. us-east-1: one of the regions {AwsRegions.File} lists.",
                ["type"] = "string",
                ["enum"] = Array([.. KeyShapes.Regions.Select(region => (JsonNode)region)]),
            },
            [StackFile.AllowedAccountsKey] = new JsonObject
            {
                ["description"] = "The one AWS account the stack deploys to: the AWS provider refuses credentials of any other account before it changes anything, and the stack's policies name this account.",
            }.With(AnyOf(
                new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = Text(KeyShapes.Account, emptyMeansUnset: false),
                    ["minItems"] = 1,
                    ["maxItems"] = 1,
                },
                Ref(JsonTextList))),
        };
        foreach (var declaration in project.Declarations)
        {
            keys[$"{project.Name}:{declaration.Name}"] = KeySchema(declaration, accepted);
        }

        foreach (var key in ProviderKeys.Aws.Qualified.Where(key => !keys.ContainsKey(key)))
        {
            keys[key] = new JsonObject
            {
                ["description"] = $"A key of the Pulumi AWS provider ({ProviderKeys.Aws.Package}), passed on to it; see https://www.pulumi.com/registry/packages/aws/installation-configuration/#configuration-options.",
            };
        }

        JsonNode[] required =
        [
            StackFile.RegionKey,
            StackFile.AllowedAccountsKey,
            .. project.Declarations.Where(d => d.Default is null).Select(d => (JsonNode)$"{project.Name}:{d.Name}"),
        ];
        var schema = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$comment"] = $"Generated from {ProjectFile.FileName} and the settings' bounds by WidgetStack.Blueprint/Schema/StackFileSchema.cs; "
                + "regenerate with UPDATE_EXPECTED=1 dotnet test WidgetStack.slnx, never by hand.",
            ["title"] = $"Pulumi.<stack>.yaml of the {project.Name} project",
            ["description"] = "A stack's configuration. `dotnet run --project WidgetStack.Blueprint -- <stack>` checks it fully, rules between keys included.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["config"] = new JsonObject
                {
                    ["description"] = $"The stack's settings: {project.Name}: keys override the defaults of {ProjectFile.FileName}; aws: keys go to the AWS provider. Any other key is a mistake.",
                    ["type"] = "object",
                    ["properties"] = keys,
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray(required),
                },
                ["secretsprovider"] = PulumiWrites("The secrets provider of the stack, written by pulumi stack init or change-secrets-provider."),
                ["encryptedkey"] = PulumiWrites("The stack's data key, encrypted by the secrets provider."),
                ["encryptionsalt"] = PulumiWrites("The salt of the passphrase secrets provider."),
                ["environment"] = new JsonObject
                {
                    ["description"] = "The Pulumi ESC environments the stack imports (a list of names, or Pulumi ESC's environment definition); the blueprint command reads only this file.",
                },
            },
            ["required"] = new JsonArray("config"),
            ["additionalProperties"] = false,
            ["$defs"] = Definitions(),
        };
        return schema.ToJsonString(Indented) + "\n";
    }

    /// <summary>The shapes several keys share: a secret, and numbers and booleans in quotes.</summary>
    private static JsonObject Definitions() => new()
    {
        [SecureValue] = new JsonObject
        {
            ["description"] = "An encrypted value, as pulumi config set --secret writes it.",
            ["type"] = "object",
            ["properties"] = new JsonObject { ["secure"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("secure"),
            ["additionalProperties"] = false,
        },
        [QuotedInteger] = new JsonObject
        {
            ["description"] = "A whole number in quotes, as pulumi config set writes it; the blueprint command checks its bounds.",
            ["type"] = "string",
            ["pattern"] = "^[+-]?[0-9]+$",
        },
        [QuotedBoolean] = new JsonObject
        {
            ["description"] = "A boolean in quotes, as pulumi config set writes it.",
            ["type"] = "string",
            ["enum"] = Array([.. ConfigReader.TrueWords, .. ConfigReader.FalseWords]),
        },
        [JsonTextList] = new JsonObject
        {
            ["description"] = "A list as JSON text, e.g. '[\"us-east-1a\",\"us-east-1b\"]', as pulumi config set writes it; the blueprint command checks its items.",
            ["type"] = "string",
            ["pattern"] = @"^\s*\[.*\]\s*$",
        },
    };

    private static JsonObject KeySchema(ConfigDeclaration declaration, AcceptedValues accepted)
    {
        var schema = new JsonObject { ["description"] = declaration.Description };
        if (declaration.Default is ConfigValue.List list)
        {
            schema["default"] = Array([.. list.Items.Select(item => (JsonNode)item)]);
        }
        else if (declaration.Default is ConfigValue.Scalar { Text: var text })
        {
            schema["default"] = Scalar(declaration.Type, text);
        }

        var shape = declaration.Type switch
        {
            ConfigType.Integer => Integer(declaration.Name, accepted),
            ConfigType.Boolean => AnyOf(new JsonObject { ["type"] = "boolean" }, Ref(QuotedBoolean)),
            ConfigType.StringArray => AnyOf(List(declaration.Name), Ref(JsonTextList)),
            _ => String(declaration, accepted),
        };
        return schema.With(SettingKeys.MayBeSecret.Contains(declaration.Name) ? AnyOf(shape, Ref(SecureValue)) : shape);
    }

    private static JsonObject Integer(string key, AcceptedValues accepted)
    {
        var number = new JsonObject { ["type"] = "integer" };
        if (KeyShapes.WholeNumberSets.TryGetValue(key, out var values))
        {
            number["enum"] = Array([.. values.Select(v => (JsonNode)v)]);
        }
        else if (accepted.Ranges.TryGetValue(key, out var range))
        {
            number["minimum"] = range.Min;
            number["maximum"] = range.Max;
        }

        return AnyOf(number, Ref(QuotedInteger));
    }

    private static JsonObject String(ConfigDeclaration declaration, AcceptedValues accepted)
    {
        if (KeyShapes.Decimals.TryGetValue(declaration.Name, out var range))
        {
            // A number as YAML writes it, or the text pulumi config set writes: digits with a decimal point.
            return AnyOf(
                new JsonObject { ["type"] = "number", ["minimum"] = range.Min, ["maximum"] = range.Max, ["multipleOf"] = range.Step },
                new JsonObject { ["type"] = "string", ["pattern"] = @"^[0-9]{1,3}(\.[0-9])?$", [PatternErrorMessage] = $"Not a number; allowed: {range}, with a decimal point." });
        }

        if (accepted.Choices.TryGetValue(declaration.Name, out var words))
        {
            return new JsonObject { ["type"] = "string", ["enum"] = Array([.. words.Select(w => (JsonNode)w)]) };
        }

        return KeyShapes.Texts.TryGetValue(declaration.Name, out var shape)
            ? Text(shape, emptyMeansUnset: declaration.Default is ConfigValue.Scalar { Text: "" })
            : new JsonObject { ["type"] = "string" };
    }

    private static JsonObject Text(TextShape shape, bool emptyMeansUnset)
    {
        var text = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^(?:{shape.Pattern}){(emptyMeansUnset ? "?" : "")}$",
            [PatternErrorMessage] = shape.Message,
        };
        if (shape.MaxLength is { } maxLength)
        {
            text["maxLength"] = maxLength;
        }

        if (shape.UnquotedDigits is not { } digits)
        {
            return text;
        }

        // Unquoted, a number of that many digits; one with a leading zero must be quoted, as YAML drops the zero.
        var number = new JsonObject
        {
            ["type"] = "integer",
            ["minimum"] = (long)Math.Pow(10, digits - 1),
            ["maximum"] = (long)Math.Pow(10, digits) - 1,
        };
        return AnyOf(text, number);
    }

    private static JsonObject List(string key)
    {
        var list = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        if (!KeyShapes.Lists.TryGetValue(key, out var shape))
        {
            return list;
        }

        list["items"] = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = $"^(?:{shape.ItemPattern})$",
            [PatternErrorMessage] = shape.ItemMessage,
        };
        if (shape.Length is { } length)
        {
            list["minItems"] = length.Min;
            list["maxItems"] = length.Max;
        }

        if (shape.Unique)
        {
            list["uniqueItems"] = true;
        }

        return list;
    }

    /// <summary>A default as JSON: a number or a boolean where the key takes one, else the text.</summary>
    private static JsonNode Scalar(ConfigType type, string text) => type switch
    {
        ConfigType.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        ConfigType.Boolean when bool.TryParse(text, out var flag) => flag,
        _ => text,
    };

    private static JsonObject PulumiWrites(string description) =>
        new() { ["description"] = description, ["type"] = "string" };

    private static JsonObject AnyOf(JsonObject first, JsonObject second) =>
        new() { ["anyOf"] = new JsonArray(first, second) };

    private static JsonObject Ref(string definition) =>
        new() { ["$ref"] = $"#/$defs/{definition}" };

    private static JsonArray Array(JsonNode[] items) => new(items);

    /// <summary>Adds every member of <paramref name="members"/> to <paramref name="schema"/>, after its own.</summary>
    private static JsonObject With(this JsonObject schema, JsonObject members)
    {
        foreach (var (name, value) in members.ToList())
        {
            members.Remove(name);
            schema[name] = value;
        }

        return schema;
    }
}
