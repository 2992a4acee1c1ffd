namespace WidgetStack.Blueprint.Costs;

/// <summary>One line of the monthly estimate.</summary>
/// <param name="Item">What is paid for.</param>
/// <param name="Basis">How the figure is reached: quantities, assumptions and the list price.</param>
/// <param name="UsdPerMonth">The figure, USD per month.</param>
public sealed record CostLine(string Item, string Basis, decimal UsdPerMonth);
