namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Files under <c>&lt;test project&gt;/Expected/</c> that hold what the blueprint prints or what a
/// stack registers, byte for byte. After an intended change, regenerate them with
/// <c>UPDATE_EXPECTED=1 dotnet test WidgetStack.slnx</c> and review the diff.
/// </summary>
internal static class ExpectedOutput
{
    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1";

    /// <summary>Asserts that <paramref name="actual"/> equals the expected file <paramref name="name"/>.</summary>
    public static void AssertMatches(string name, string actual)
    {
        var project = typeof(ExpectedOutput).Assembly.GetName().Name!;
        var path = Path.Combine(Repository.Root, project, "Expected", name);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), $"{path} is missing: run UPDATE_EXPECTED=1 dotnet test WidgetStack.slnx");
        var expected = File.ReadAllText(path);
        Assert.That(actual, Is.EqualTo(expected), $"the output differs from {name}; if the change is intended, regenerate with UPDATE_EXPECTED=1 and review the diff");
    }
}
