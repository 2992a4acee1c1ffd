namespace WidgetStack.Blueprint.Costs;

/// <summary>
/// What the cost estimate cannot read from the stack: traffic, log volume, deploys and the length of
/// a month. Each one is printed beside the figures it drives and can be changed on the command line.
/// </summary>
/// <param name="RequestsPerSecond">Average requests per second over the month.</param>
/// <param name="KbPerRequest">KB in and out per request, together.</param>
/// <param name="LogGbPerTaskMonth">GB of logs one task writes in a month.</param>
/// <param name="FlowLogGbPerMonth">GB of flow-log records the VPC writes in a month.</param>
/// <param name="EgressGbPerMonth">GB the tasks themselves send to the internet in a month.</param>
/// <param name="ImageGb">GB pulled each time a task starts (the image's compressed size).</param>
/// <param name="DeploysPerMonth">Deployments in a month; each starts every task afresh.</param>
/// <param name="HoursPerMonth">Hours in the month (AWS's calculator uses 730).</param>
public sealed record CostAssumptions(
    decimal RequestsPerSecond = 5m,
    decimal KbPerRequest = 20m,
    decimal LogGbPerTaskMonth = 1m,
    decimal FlowLogGbPerMonth = 2m,
    decimal EgressGbPerMonth = 5m,
    decimal ImageGb = 0.2m,
    decimal DeploysPerMonth = 20m,
    decimal HoursPerMonth = 730m)
{
    /// <summary>The most hours a month has (31 days).</summary>
    public const decimal MostHoursPerMonth = 744m;

    /// <summary>Days in the month.</summary>
    public decimal DaysPerMonth => HoursPerMonth / 24m;

    /// <summary>Requests in the month, in millions.</summary>
    public decimal MillionRequestsPerMonth => RequestsPerSecond * 3600m * HoursPerMonth / 1_000_000m;

    /// <summary>GB the load balancer processes per hour (1 GB = 1,000,000 KB).</summary>
    public decimal AlbGbPerHour => RequestsPerSecond * KbPerRequest * 3600m / 1_000_000m;

    /// <summary>
    /// Each assumption with its command-line option, its value, what it means, its unit and the
    /// values it takes (the upper bounds keep every figure of the estimate within what it can compute).
    /// </summary>
    public IReadOnlyList<CostAssumption> All =>
    [
        new("--requests-per-second", RequestsPerSecond, "average requests per second; with a request target, it sets the tasks priced", "requests per second", (a, v) => a with { RequestsPerSecond = v }, Most: 1_000_000m),
        new("--kb-per-request", KbPerRequest, "KB in and out per request", "KB", (a, v) => a with { KbPerRequest = v }, Most: 1_000_000m),
        new("--log-gb-per-task", LogGbPerTaskMonth, "GB of logs per task per month", "GB", (a, v) => a with { LogGbPerTaskMonth = v }, Most: 100_000m),
        new("--flow-log-gb", FlowLogGbPerMonth, "GB of flow-log records per month", "GB", (a, v) => a with { FlowLogGbPerMonth = v }, Most: 1_000_000m),
        new("--egress-gb", EgressGbPerMonth, "GB the tasks send to the internet per month", "GB", (a, v) => a with { EgressGbPerMonth = v }, Most: 1_000_000m),
        new("--image-gb", ImageGb, "GB pulled per task start", "GB", (a, v) => a with { ImageGb = v }, Most: 200m),
        new("--deploys-per-month", DeploysPerMonth, "deployments per month, each starting every task", "deployments", (a, v) => a with { DeploysPerMonth = v }, Most: 100_000m),
        new("--hours-per-month", HoursPerMonth, "hours per month", "hours", (a, v) => a with { HoursPerMonth = v }, Least: 1m, Most: MostHoursPerMonth),
    ];
}

/// <summary>One assumption of the cost estimate.</summary>
/// <param name="Option">The command-line option that changes it.</param>
/// <param name="Value">Its value.</param>
/// <param name="Meaning">What it stands for, with its unit.</param>
/// <param name="Unit">Its unit alone, as in "0 to 200 GB".</param>
/// <param name="Set">The assumptions with this one set to another value.</param>
/// <param name="Least">The smallest value it takes.</param>
/// <param name="Most">The largest value it takes.</param>
public sealed record CostAssumption(string Option, decimal Value, string Meaning, string Unit, Func<CostAssumptions, decimal, CostAssumptions> Set, decimal Least = 0m, decimal Most = decimal.MaxValue)
{
    /// <summary>The values it takes, with the unit: "0 to 200 GB".</summary>
    public string Allowed => $"{Numbers.Plain(Least)} to {Numbers.Plain(Most)} {Unit}";
}
