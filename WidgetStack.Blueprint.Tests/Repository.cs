namespace WidgetStack.Blueprint.Tests;

/// <summary>The repository the tests run in: the real Pulumi files, and scratch copies of them.</summary>
internal static class Repository
{
    /// <summary>The folder holding Pulumi.yaml, found upward from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The real Pulumi.yaml's text.</summary>
    public static string ProjectFileText => File.ReadAllText(Path.Combine(Root, "Pulumi.yaml"));

    /// <summary>
    /// A scratch folder with the real Pulumi.yaml and one stack file <c>Pulumi.&lt;stack&gt;.yaml</c>
    /// holding <paramref name="stackYaml"/>.
    /// </summary>
    public static string WithStack(string stack, string stackYaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "widget-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), ProjectFileText);
        File.WriteAllText(Path.Combine(folder, $"Pulumi.{stack}.yaml"), stackYaml);
        return folder;
    }

    /// <summary>A scratch folder with copies of the real Pulumi.yaml and every stack file.</summary>
    public static string WithAllStacks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "widget-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Root, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(folder.FullName, "WidgetStack.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No Pulumi.yaml above the test binaries.");
    }
}
