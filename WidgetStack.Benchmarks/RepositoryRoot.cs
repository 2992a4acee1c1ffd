namespace WidgetStack.Benchmarks;

/// <summary>The folder holding Pulumi.yaml and the stack files, found upward from the benchmark binaries.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder above <see cref="AppContext.BaseDirectory"/> (or the current folder) with a Pulumi.yaml.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No Pulumi.yaml above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
