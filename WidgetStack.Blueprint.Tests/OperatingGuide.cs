namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// The examples of README.md's "Operating the stacks": every <c>sh</c> block there that runs the
/// blueprint command is an example, and the <c>text</c> block right after it holds the lines the
/// blueprint prints after the edit.
/// </summary>
internal static class OperatingGuide
{
    /// <summary>The heading of the guide in README.md.</summary>
    public const string Heading = "## Operating the stacks";

    /// <summary>The command that shows a stack's blueprint; the stack's name follows it.</summary>
    public const string BlueprintCommand = "dotnet run --project WidgetStack.Blueprint -- ";

    /// <summary>The examples, in the README's order.</summary>
    public static IReadOnlyList<GuideExample> Examples(string readme)
    {
        var blocks = FencedBlocks(Section(readme));
        var examples = new List<GuideExample>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var (title, language, lines) = blocks[i];
            var commands = lines.Select(WithoutComment).Where(line => line.Length > 0).ToList();
            var blueprint = commands.FindIndex(command => command.StartsWith(BlueprintCommand, StringComparison.Ordinal));
            if (language != "sh" || blueprint < 0)
            {
                continue;
            }

            var shown = i + 1 < blocks.Count && blocks[i + 1].Language == "text" ? blocks[i + 1].Lines : [];
            examples.Add(new GuideExample(title, commands[..blueprint], commands[blueprint][BlueprintCommand.Length..].Trim(), shown));
        }

        return examples;
    }

    private static IReadOnlyList<string> Section(string readme)
    {
        var lines = readme.Split('\n');
        var start = Array.IndexOf(lines, Heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no '{Heading}' section.");
        }

        var end = Array.FindIndex(lines, start + 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        return lines[(start + 1)..(end < 0 ? lines.Length : end)];
    }

    private static List<(string Title, string Language, IReadOnlyList<string> Lines)> FencedBlocks(IReadOnlyList<string> section)
    {
        var blocks = new List<(string, string, IReadOnlyList<string>)>();
        var title = Heading;
        for (var i = 0; i < section.Count; i++)
        {
            if (section[i].StartsWith('#'))
            {
                title = section[i].TrimStart('#').Trim();
            }
            else if (IsFence(section[i]))
            {
                var language = section[i].Trim()[3..];
                var body = new List<string>();
                for (i++; i < section.Count && !IsFence(section[i]); i++)
                {
                    body.Add(section[i]);
                }

                blocks.Add((title, language, body));
            }
        }

        return blocks;
    }

    private static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal);

    private static string WithoutComment(string line)
    {
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        return (line.StartsWith('#') ? "" : comment < 0 ? line : line[..comment]).Trim();
    }
}
