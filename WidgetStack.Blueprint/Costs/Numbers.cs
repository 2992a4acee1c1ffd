using System.Globalization;

namespace WidgetStack.Blueprint.Costs;

/// <summary>Numbers as the estimates print them: invariant, no trailing zeros, money to the cent.</summary>
public static class Numbers
{
    /// <summary>A quantity or a rate, with as many decimals as it has (at most 8).</summary>
    public static string Plain(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    /// <summary>A count and its noun: 1 task, 3 tasks.</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>A sum of money, to the cent.</summary>
    public static string Usd(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
