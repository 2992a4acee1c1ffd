using System.Globalization;

namespace WidgetStack.Blueprint.Settings;

/// <summary>An inclusive range of decimals in steps of <paramref name="Step"/> (e.g. multiples of 0.1).</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Step">Every value is a multiple of it.</param>
public sealed record DecimalRange(decimal Min, decimal Max, decimal Step)
{
    /// <summary>Whether <paramref name="value"/> is in range and a multiple of the step.</summary>
    public bool Contains(decimal value) => value >= Min && value <= Max && value % Step == 0;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:0.0#} to {Max:0.0#} in steps of {Step:0.0#}");
}
