using YamlDotNet.RepresentationModel;

namespace WidgetStack.Blueprint.Config;

/// <summary>Turns YAML nodes of Pulumi files into <see cref="ConfigValue"/>s.</summary>
internal static class YamlValues
{
    /// <summary>Reads a config value node: scalar, sequence of scalars, or <c>secure:</c> mapping.</summary>
    public static ConfigValue From(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new ConfigValue.Scalar(scalar.Value ?? ""),
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) =>
            new ConfigValue.List([.. sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "")]),
        YamlMappingNode mapping when mapping.Children.Count == 1 && Text(mapping.Children.Keys.Single()) == "secure" =>
            new ConfigValue.Secret(),
        YamlMappingNode => new ConfigValue.Unsupported("mapping"),
        _ => new ConfigValue.Unsupported("nested list"),
    };

    /// <summary>The text of a scalar node, or null for any other node.</summary>
    public static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The child of a mapping under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>Parses a whole file into its root mapping, or explains why it cannot.</summary>
    public static YamlMappingNode LoadMapping(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ConfigFileException(
                $"{Path.GetFileName(path)}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigFileException($"{Path.GetFileName(path)}: the top level must be a mapping of keys.");
    }
}
