using Quickenshtein;

namespace WidgetStack.Blueprint.Settings;

/// <summary>The known key a mistyped one most likely means, by edit distance, ignoring case.</summary>
internal static class NearestKey
{
    /// <summary>
    /// The candidate nearest <paramref name="key"/>, or null when none is close enough to be a typo
    /// (at most two edits, or a third of the length of its name without namespace). A key without a namespace is
    /// compared with each candidate's name alone, so <c>replicas</c> finds <c>widget:replicas</c>.
    /// </summary>
    public static string? For(string key, IEnumerable<string> candidates)
    {
        var bare = !key.Contains(':', StringComparison.Ordinal);
        var best = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(key, bare ? Name(candidate) : candidate)))
            .MinBy(pair => pair.Distance);
        return best.Candidate is not null && best.Distance <= Math.Max(2, Name(key).Length / 3) ? best.Candidate : null;
    }

    private static string Name(string qualified) => qualified[(qualified.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static int Distance(string a, string b) => Levenshtein.GetDistance(a.ToUpperInvariant(), b.ToUpperInvariant());
}
