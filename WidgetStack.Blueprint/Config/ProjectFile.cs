using YamlDotNet.RepresentationModel;

namespace WidgetStack.Blueprint.Config;

/// <summary>What Pulumi.yaml says: the project name and the declared config keys.</summary>
/// <param name="Name">The project name; the namespace of its config keys.</param>
/// <param name="Declarations">The <c>config:</c> block, in file order.</param>
public sealed record ProjectFile(string Name, IReadOnlyList<ConfigDeclaration> Declarations)
{
    /// <summary>The file name Pulumi looks for.</summary>
    public const string FileName = "Pulumi.yaml";

    /// <summary>Reads Pulumi.yaml from <paramref name="directory"/>.</summary>
    public static ProjectFile Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new ConfigFileException($"{FileName} not found in {directory}.");
        }

        var root = YamlValues.LoadMapping(path);
        var name = YamlValues.Text(YamlValues.Child(root, "name"))
            ?? throw new ConfigFileException($"{FileName}: 'name' is missing.");
        var config = YamlValues.Child(root, "config") as YamlMappingNode ?? new YamlMappingNode();
        var declarations = config.Children
            .Select(pair => (Key: YamlValues.Text(pair.Key) ?? "", Body: pair.Value))
            .Where(entry => !entry.Key.Contains(':', StringComparison.Ordinal)) // other namespaces carry only values
            .Select(entry => Declaration(entry.Key, entry.Body))
            .ToList();
        return new ProjectFile(name, declarations);
    }

    private static ConfigDeclaration Declaration(string key, YamlNode body)
    {
        if (body is not YamlMappingNode mapping)
        {
            throw new ConfigFileException($"{FileName}: config key '{key}' must declare type, default and description.");
        }

        var typeName = YamlValues.Text(YamlValues.Child(mapping, "type"));
        var type = typeName switch
        {
            "string" => ConfigType.String,
            "integer" => ConfigType.Integer,
            "boolean" => ConfigType.Boolean,
            "array" => ConfigType.StringArray,
            _ => throw new ConfigFileException(
                $"{FileName}: config key '{key}' has type '{typeName}'; allowed: string, integer, boolean, array."),
        };
        var defaultNode = YamlValues.Child(mapping, "default");
        var description = YamlValues.Text(YamlValues.Child(mapping, "description")) ?? "";
        return new ConfigDeclaration(key, type, defaultNode is null ? null : YamlValues.From(defaultNode), description);
    }
}
