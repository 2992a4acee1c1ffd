namespace WidgetStack.Blueprint.Settings;

/// <summary>An inclusive range of whole numbers that bounds a setting.</summary>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
public readonly record struct IntRange(int Min, int Max)
{
    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <inheritdoc/>
    public override string ToString() => $"{Min}-{Max}";
}
