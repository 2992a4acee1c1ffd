namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// One example of README.md's "Operating the stacks": the commands that edit the stack files, the
/// stack whose blueprint it then shows, and the lines the README says that blueprint prints.
/// </summary>
/// <param name="Title">The heading the example sits under.</param>
/// <param name="Edits">The command lines before the blueprint command, in order.</param>
/// <param name="Stack">The stack the blueprint command shows.</param>
/// <param name="ShownLines">The lines of the text block that follows the commands.</param>
public sealed record GuideExample(string Title, IReadOnlyList<string> Edits, string Stack, IReadOnlyList<string> ShownLines)
{
    /// <summary>The title, for the test's name.</summary>
    public override string ToString() => Title;
}
