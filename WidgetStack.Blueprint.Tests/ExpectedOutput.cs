namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Files under <c>&lt;test project&gt;/Expected/</c> that hold what the blueprint prints or what a
/// stack registers, byte for byte, and other generated files of the repository (the stack file
/// schema). After an intended change, regenerate them with
/// <c>UPDATE_EXPECTED=1 dotnet test WidgetStack.slnx</c> and review the diff.
/// </summary>
internal static class ExpectedOutput
{
    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the expected file <paramref name="name"/>.</summary>
    public static void AssertMatches(string name, string actual)
    {
        var project = typeof(ExpectedOutput).Assembly.GetName().Name!;
        AssertFileMatches(Path.Combine(project, "Expected", name), actual);
    }

    /// <summary>
    /// Asserts that the part of the file at <paramref name="pathFromRoot"/> between the lines
    /// <c>&lt;!-- marker:begin --&gt;</c> and <c>&lt;!-- marker:end --&gt;</c> is <paramref name="generated"/>.
    /// </summary>
    public static void AssertSectionMatches(string pathFromRoot, string marker, string generated)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, pathFromRoot));
        var (begin, end) = ($"<!-- {marker}:begin -->\n", $"<!-- {marker}:end -->");
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        Assert.That(start >= 0 && stop > start, $"{pathFromRoot} has no section between {begin.Trim()} and {end}");
        AssertFileMatches(pathFromRoot, text[..(start + begin.Length)] + generated + text[stop..]);
    }

    /// <summary>Asserts that <paramref name="actual"/> equals the file at <paramref name="pathFromRoot"/>, relative to the repository root.</summary>
    public static void AssertFileMatches(string pathFromRoot, string actual)
    {
        var path = Path.Combine(Repository.Root, pathFromRoot);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), $"{path} is missing: run UPDATE_EXPECTED=1 dotnet test WidgetStack.slnx");
        var expected = File.ReadAllText(path);
        Assert.That(actual, Is.EqualTo(expected), $"the output differs from {pathFromRoot}; if the change is intended, regenerate with UPDATE_EXPECTED=1 and review the diff");
    }
}
