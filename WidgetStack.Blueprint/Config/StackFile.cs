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
        var config = YamlValues.Child(root, "config") as YamlMappingNode ?? new YamlMappingNode();
        var prefix = project.Name + ":";
        ConfigValue? region = null;
        ConfigValue? accounts = null;
        var values = new List<KeyValuePair<string, ConfigValue>>();
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = YamlValues.Text(keyNode) ?? "";
            if (key == RegionKey)
            {
                region = YamlValues.From(valueNode);
            }
            else if (key == AllowedAccountsKey)
            {
                accounts = YamlValues.From(valueNode);
            }
            else if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                values.Add(KeyValuePair.Create(key[prefix.Length..], YamlValues.From(valueNode)));
            }
        }

        return StackConfig.Merge(project.Name, stack, region, project.Declarations, values, accounts);
    }
}
