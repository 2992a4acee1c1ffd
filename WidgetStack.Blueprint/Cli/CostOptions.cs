using System.CommandLine;
using System.CommandLine.Parsing;
using WidgetStack.Blueprint.Costs;

namespace WidgetStack.Blueprint.Cli;

/// <summary>The cost assumptions as command-line options, one per <see cref="CostAssumption"/>, each defaulting to the estimate's own.</summary>
internal sealed class CostOptions
{
    // The placeholder each option shows in help: its unit.
    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["--requests-per-second"] = "REQUESTS/S",
        ["--kb-per-request"] = "KB",
        ["--log-gb-per-task"] = "GB",
        ["--flow-log-gb"] = "GB",
        ["--egress-gb"] = "GB",
        ["--image-gb"] = "GB",
        ["--deploys-per-month"] = "DEPLOYS",
        ["--hours-per-month"] = "HOURS",
    };

    private readonly Dictionary<string, (Option<decimal> Option, CostAssumption Assumption)> options;

    public CostOptions()
    {
        options = new CostAssumptions().All.ToDictionary(
            a => a.Option,
            a => (new Option<decimal>(a.Option)
            {
                Description = $"Cost estimate: {a.Meaning} ({Numbers.Plain(a.Least)} to {Numbers.Plain(a.Most)}).",
                HelpName = Placeholders[a.Option],
                DefaultValueFactory = _ => a.Value,
                CustomParser = result => Read(result, a),
            }, a));
    }

    /// <summary>What each option takes, as its errors say it: "0 to 200 GB".</summary>
    public IEnumerable<(Option Option, string Allowed)> Allowed => options.Values.Select(o => ((Option)o.Option, o.Assumption.Allowed));

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var (option, _) in options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The assumptions the command line gives.</summary>
    public CostAssumptions From(ParseResult parsed) =>
        new CostAssumptions().All.Aggregate(new CostAssumptions(), (assumptions, a) => a.Set(assumptions, parsed.GetValue(options[a.Option].Option)));

    private static decimal Read(ArgumentResult result, CostAssumption assumption)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var problem = NumberText.Read(text, out var value);
        if (problem is null && (value < assumption.Least || value > assumption.Most))
        {
            problem = $"'{text}' is out of range";
        }

        if (problem is not null)
        {
            result.AddError($"{assumption.Option}: {problem}. Allowed: {assumption.Allowed}.");
        }

        return value;
    }
}
