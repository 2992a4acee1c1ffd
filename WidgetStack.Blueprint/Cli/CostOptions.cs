using System.CommandLine;
using WidgetStack.Blueprint.Costs;

namespace WidgetStack.Blueprint.Cli;

/// <summary>The cost assumptions as command-line options, one per <see cref="CostAssumption"/>, each defaulting to the estimate's own.</summary>
internal sealed class CostOptions
{
    private readonly Dictionary<string, Option<decimal>> options;

    public CostOptions()
    {
        options = new CostAssumptions().All.ToDictionary(
            a => a.Option,
            a =>
            {
                var option = new Option<decimal>(a.Option) { Description = $"Cost estimate: {a.Meaning}.", DefaultValueFactory = _ => a.Value };
                option.Validators.Add(result =>
                {
                    var value = result.GetValueOrDefault<decimal>();
                    if (value < a.Least || value > a.Most)
                    {
                        result.AddError($"{a.Option} is {Numbers.Plain(value)}; allowed: {Numbers.Plain(a.Least)} {(a.Most is { } most ? $"to {Numbers.Plain(most)}" : "or more")}.");
                    }
                });
                return option;
            });
    }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The assumptions the command line gives.</summary>
    public CostAssumptions From(ParseResult parsed) =>
        new CostAssumptions().All.Aggregate(new CostAssumptions(), (assumptions, a) => a.Set(assumptions, parsed.GetValue(options[a.Option])));
}
