namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// A stack as the command line names it: by name (<c>prod</c>), or by its file's name or path
/// (<c>Pulumi.prod.yaml</c>, <c>../other/Pulumi.prod.yaml</c>), whose folder then holds the project.
/// </summary>
/// <param name="Directory">The folder holding Pulumi.yaml and the stack's file.</param>
/// <param name="Stack">The stack's name.</param>
internal sealed record StackLocation(string Directory, string Stack)
{
    private const string Prefix = "Pulumi.";
    private const string Suffix = ".yaml";

    /// <summary>What the command line may give for a stack.</summary>
    public const string Allowed = "a stack's name (dev, prod, ...) or its file, Pulumi.<stack>.yaml, with or without a folder";

    /// <summary>What is wrong with <paramref name="given"/> as a stack ("'x.yaml' is not a stack file"), or null.</summary>
    public static string? Problem(string given) =>
        given.Trim().Length == 0 ? "needs a value"
        : IsFile(given) && StackOfFile(Path.GetFileName(given)) is null ? $"'{given}' is not a stack file"
        : null;

    /// <summary>
    /// Where the stack <paramref name="given"/> is, with --dir <paramref name="directory"/> if given;
    /// a path in one folder and --dir naming another are refused.
    /// </summary>
    public static StackLocation Of(string given, DirectoryInfo? directory)
    {
        if (!IsFile(given))
        {
            return new(directory?.FullName ?? FindProjectDirectory(Environment.CurrentDirectory), given);
        }

        var stack = StackOfFile(Path.GetFileName(given)) ?? throw new UsageException($"'{given}' is not a stack file. Allowed: {Allowed}.");
        if (FolderOf(given) is not { } folder)
        {
            return new(directory?.FullName ?? Environment.CurrentDirectory, stack);
        }

        return directory is null || SameFolder(folder, directory.FullName)
            ? new(folder, stack)
            : throw new UsageException($"{given} is in {folder}, but --dir names {directory.FullName}: give the folder once.");
    }

    private static bool IsFile(string given) =>
        given.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || given.Contains('/') || given.Contains(Path.DirectorySeparatorChar);

    private static string? StackOfFile(string name) =>
        name.Length > Prefix.Length + Suffix.Length && name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal)
            ? name[Prefix.Length..^Suffix.Length]
            : null;

    private static string? FolderOf(string given) =>
        IsFile(given) && Path.GetDirectoryName(given) is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static string FindProjectDirectory(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Config.ProjectFile.FileName)))
            {
                return folder.FullName;
            }
        }

        return start;
    }
}
