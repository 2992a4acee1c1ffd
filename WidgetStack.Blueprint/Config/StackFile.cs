using YamlDotNet.RepresentationModel;

namespace WidgetStack.Blueprint.Config;

/// <summary>Loads <c>Pulumi.&lt;stack&gt;.yaml</c> and merges it with the project's defaults.</summary>
public static class StackFile
{
    /// <summary>The provider key that names the stack's region.</summary>
    public const string RegionKey = "aws:region";

    /// <summary>
    /// The provider key that names the accounts the AWS provider may act in: it refuses other
    /// credentials before any change, and the stack's policies name its one account.
    /// </summary>
    public const string AllowedAccountsKey = "aws:allowedAccountIds";

    /// <summary>
    /// The top-level keys of a stack settings file, as Pulumi's reference lists them
    /// (https://www.pulumi.com/docs/iac/concepts/projects/stack-settings-file/, read 2026-12-03):
    /// any other is a mistake, such as a misspelt <c>config</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    /// <summary>The file name of a stack.</summary>
    public static string FileName(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>The stacks that have a file in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> StacksIn(string directory) =>
        [.. Directory.EnumerateFiles(directory, "Pulumi.*.yaml")
            .Select(path => Path.GetFileName(path)["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads the project and one stack from <paramref name="directory"/>.</summary>
    public static StackConfig Load(string directory, string stack)
    {
        var project = ProjectFile.Load(directory);
        var path = Path.Combine(directory, FileName(stack));
        if (!File.Exists(path))
        {
            var known = StacksIn(directory);
            throw new ConfigFileException(
                $"{FileName(stack)} not found in {directory}; stacks there: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
        }

        return Read(project, stack, path);
    }

    /// <summary>Reads the project from <paramref name="directory"/> and stack <paramref name="stack"/> from the file at <paramref name="path"/>, e.g. the stack file before an edit.</summary>
    public static StackConfig LoadFile(string directory, string stack, string path)
    {
        var project = ProjectFile.Load(directory);
        if (!File.Exists(path))
        {
            throw new ConfigFileException($"{path} not found.");
        }

        return Read(project, stack, path);
    }

    private static StackConfig Read(ProjectFile project, string stack, string path)
    {
        var root = YamlValues.LoadMapping(path);
        var configNode = YamlValues.Child(root, "config");
        var config = configNode as YamlMappingNode ?? new YamlMappingNode();
        var prefix = project.Name + ":";
        var lists = project.Declarations.Where(d => d.Type == ConfigType.StringArray).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        ConfigValue? region = null;
        ConfigValue? accounts = null;
        var values = new List<KeyValuePair<string, ConfigValue>>();
        var others = new List<KeyValuePair<string, ConfigValue>>();
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = YamlValues.Text(keyNode) ?? "";
            var value = YamlValues.From(valueNode);
            if (key == RegionKey)
            {
                region = value;
            }
            else if (key == AllowedAccountsKey)
            {
                accounts = JsonTextList(value);
            }
            else if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = key[prefix.Length..];
                values.Add(KeyValuePair.Create(name, lists.Contains(name) ? JsonTextList(value) : value));
            }
            else
            {
                others.Add(KeyValuePair.Create(key, value));
            }
        }

        var unknownTopLevel = root.Children
            .Select(pair => KeyValuePair.Create(YamlValues.Text(pair.Key) ?? "", YamlValues.From(pair.Value)))
            .Where(pair => !TopLevelKeys.Contains(pair.Key, StringComparer.Ordinal))
            .ToList();
        return StackConfig.Merge(project.Name, stack, region, project.Declarations, values, accounts) with
        {
            OtherKeys = others,
            UnknownTopLevelKeys = unknownTopLevel,
            HasConfigBlock = configNode is not null,
        };
    }

    // A list key given as JSON text (pulumi config set writes '["a","b"]' as a string) reads as the
    // list, as the engine hands it to the program; any other text stays as written, for the reader to name.
    private static ConfigValue JsonTextList(ConfigValue value) =>
        value is ConfigValue.Scalar scalar && ConfigValue.FromJsonText(scalar.Text) is { } list ? list : value;
}
