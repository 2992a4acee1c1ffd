using YamlDotNet.RepresentationModel;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// The commands README.md's "Operating the stacks" uses to edit stack files, applied to a folder the
/// way the real commands change the files there. Any other command fails the test that applies it,
/// so the guide can only show edits its test carries out.
/// </summary>
internal static class GuideCommand
{
    /// <summary>What <c>pulumi config set --secret</c> writes in place of the value; the blueprint never decrypts it.</summary>
    public const string Ciphertext = "v1:ZW5jcnlwdGVkIGJ5IHRoZSBzdGFjaydzIHNlY3JldHMgcHJvdmlkZXI=";

    /// <summary>Applies <paramref name="line"/> to the stack files in <paramref name="folder"/>.</summary>
    public static void Apply(string line, string folder)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["pulumi", "config", "set", .. var rest]:
                var (positional, stack, secret) = Arguments(rest, line);
                if (positional is not [var key, var value])
                {
                    throw Unsupported(line);
                }

                Edit(folder, stack, config => config.Children[new YamlScalarNode(key)] = secret
                    ? new YamlMappingNode { { "secure", Ciphertext } }
                    : new YamlScalarNode(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
                break;
            case ["pulumi", "config", "rm", .. var rest]:
                var (keys, from, _) = Arguments(rest, line);
                if (keys is not [var removed])
                {
                    throw Unsupported(line);
                }

                Edit(folder, from, config => config.Children.Remove(new YamlScalarNode(removed)));
                break;
            case ["pulumi", "stack", "init", _]:
                // Registers the stack with the backend; the stack file keeps its values.
                break;
            case ["cp", var source, var target] when IsStackFile(source) && IsStackFile(target):
                File.Copy(Path.Combine(folder, source), Path.Combine(folder, target));
                break;
            default:
                throw Unsupported(line);
        }
    }

    private static (List<string> Positional, string Stack, bool Secret) Arguments(string[] words, string line)
    {
        var positional = new List<string>();
        string? stack = null;
        var secret = false;
        for (var i = 0; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--stack" when i + 1 < words.Length:
                    stack = words[++i];
                    break;
                case "--secret":
                    secret = true;
                    break;
                case var word when word.StartsWith('-'):
                    throw Unsupported(line);
                default:
                    positional.Add(words[i]);
                    break;
            }
        }

        return (positional, stack ?? throw new InvalidOperationException($"'{line}' names no stack (--stack <stack>)."), secret);
    }

    /// <summary>Loads the stack's file (an empty one if there is none, as pulumi does), edits its config mapping and saves it.</summary>
    private static void Edit(string folder, string stack, Action<YamlMappingNode> change)
    {
        var path = Path.Combine(folder, $"Pulumi.{stack}.yaml");
        var stream = new YamlStream();
        if (File.Exists(path))
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0)
        {
            stream.Add(new YamlDocument(new YamlMappingNode()));
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var config))
        {
            root.Add("config", config = new YamlMappingNode());
        }

        change((YamlMappingNode)config);
        using var writer = new StreamWriter(path);
        stream.Save(writer, assignAnchors: false);
    }

    private static bool IsStackFile(string name) =>
        name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal) && name != "Pulumi.yaml" && !name.Contains('/');

    private static InvalidOperationException Unsupported(string line) =>
        new($"README.md's guide shows '{line}', which its test cannot apply: use pulumi config set|rm <key> [<value>] [--secret] --stack <stack>, "
            + "pulumi stack init <stack>, or cp Pulumi.<stack>.yaml Pulumi.<new>.yaml.");
}
