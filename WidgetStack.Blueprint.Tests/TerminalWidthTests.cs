using System.Globalization;
using System.Text.RegularExpressions;
using WidgetStack.Blueprint.Cli;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Report;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The text blueprint and help fit the width they are printed at: the terminal's, else COLUMNS, else 120.</summary>
public class TerminalWidthTests
{
    private static readonly int[] Widths = [80, 120, 200];

    [TestCase(100, "80", 100, TestName = "A terminal's width wins over COLUMNS")]
    [TestCase(null, "80", 80, TestName = "Piped, COLUMNS sets the width")]
    [TestCase(null, null, 120, TestName = "Piped without COLUMNS, the width is 120")]
    [TestCase(null, "wide", 120, TestName = "A COLUMNS that is no number is ignored")]
    [TestCase(null, "0", 120, TestName = "A COLUMNS of 0 is ignored")]
    [TestCase(0, "90", 90, TestName = "A terminal that reports no width falls back to COLUMNS")]
    [TestCase(20, null, 60, TestName = "A terminal narrower than 60 gets lines of 60")]
    public void The_width_is_the_terminal_s_else_COLUMNS_else_120(int? console, string? columns, int width) =>
        Assert.That(new Terminal(console, columns).Width, Is.EqualTo(width));

    private static IEnumerable<TestCaseData> StacksAtEachWidth() =>
        from stack in new[] { "dev", "prod", "bluegreen" }
        from width in Widths
        select new TestCaseData(stack, width).SetArgDisplayNames(stack, width.ToString(CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(StacksAtEachWidth))]
    public void No_line_is_longer_than_the_width_or_ends_in_a_space(string stack, int width)
    {
        var lines = Lines(Blueprint(stack, width));

        Assert.Multiple(() =>
        {
            Assert.That(lines.Where(line => line.Length > width), Is.Empty, "lines longer than the width");
            Assert.That(lines.Where(line => line.Length > 0 && char.IsWhiteSpace(line[^1])), Is.Empty, "lines with trailing spaces");
            Assert.That(lines.Max(line => line.Length), Is.GreaterThan(width - 20), "the text uses the width it has");
        });
    }

    // A word split across lines leaves fragments that are no words of the report; every word of the
    // report laid out without wrapping is printed whole (only a table shown as records leaves out
    // its header row).
    [TestCaseSource(nameof(StacksAtEachWidth))]
    public void No_word_is_split_between_lines(string stack, int width)
    {
        var unwrapped = Blueprint(stack, 1000);
        var words = Words(unwrapped);
        var printed = Words(Blueprint(stack, width));
        var headers = Words(string.Join("\n", HeaderRows(unwrapped)));

        Assert.Multiple(() =>
        {
            Assert.That(printed.Where(word => !words.Contains(word) && !words.Contains(word.TrimEnd(':'))), Is.Empty, "fragments of words");
            Assert.That(words.Where(word => !printed.Contains(word) && !headers.Contains(word)), Is.Empty, "words not printed whole");
        });
    }

    [TestCaseSource(nameof(StacksAtEachWidth))]
    public void Each_cost_figure_is_on_the_line_of_its_label(string stack, int width)
    {
        var output = Blueprint(stack, width);
        var design = WidgetDesign.Load(Folder(stack), stack);
        var estimate = CostEstimate.For(design, PriceList.For(design.Settings.Region)!, new CostAssumptions());

        Assert.Multiple(() =>
        {
            foreach (var (item, usd) in estimate.Lines.Select(l => (l.Item, l.UsdPerMonth)).Append(("Total", estimate.TotalUsdPerMonth)))
            {
                Assert.That(output, Does.Match(new Regex($@"(?m)^  {Regex.Escape(item)} .* {Regex.Escape(Numbers.Usd(usd))}$")), item);
            }
        });
    }

    [Test]
    public void A_table_too_wide_for_its_longest_words_shows_each_row_as_a_record()
    {
        var table = Blocks.Table(
            ["Role", "Allows", "On"],
            [["widget-execution", "ecr:BatchGetImage\necr:GetDownloadUrlForLayer", "arn:aws:ecr:us-east-1:123456789012:repository/rocket-city-widget-server"]],
            keepWhole: [2]);

        var wide = TextReport.Write([table], 140);
        var narrow = TextReport.Write([table], 90);

        Assert.Multiple(() =>
        {
            Assert.That(wide, Does.Match(TableRow.Of("widget-execution", "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/rocket-city-widget-server")));
            Assert.That(narrow, Is.EqualTo(string.Join(Environment.NewLine,
            [
                "",
                "  widget-execution",
                "    Allows: ecr:BatchGetImage",
                "            ecr:GetDownloadUrlForLayer",
                "    On:     arn:aws:ecr:us-east-1:123456789012:repository/rocket-city-widget-server",
                "",
                "",
            ])));
        });
    }

    [Test]
    public void A_narrow_table_wraps_its_widest_column_first_and_keeps_figures_whole()
    {
        var table = Blocks.Table(
            ["Item", "Basis", "USD/month"],
            [["NAT gateway data", "5 GB egress (logs and image pulls use the VPC endpoints) x 0.045 USD", "0.23"]],
            keepWhole: [2],
            rightAlignedColumn: 2);

        Assert.That(TextReport.Write([table], 60), Is.EqualTo(string.Join(Environment.NewLine,
        [
            "",
            "  Item               Basis                       USD/month",
            "────────────────────────────────────────────────────────────",
            "  NAT gateway data   5 GB egress (logs and            0.23",
            "                     image pulls use the VPC",
            "                     endpoints) x 0.045 USD",
            "",
            "",
        ])));
    }

    [TestCase("--help")]
    [TestCase("diff", "--help")]
    public void Help_fits_80_columns_without_trailing_spaces(params string[] args)
    {
        var (_, output, _) = RunAt(new Terminal(ConsoleWidth: null, Columns: "80"), args);
        var lines = Lines(output);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Where(line => line.Length > 80), Is.Empty);
            Assert.That(lines.Where(line => line.Length > 0 && char.IsWhiteSpace(line[^1])), Is.Empty);
        });
    }

    private static string Blueprint(string stack, int width)
    {
        var (exit, output, error) = RunAt(new Terminal(ConsoleWidth: null, Columns: width.ToString(CultureInfo.InvariantCulture)), stack, "--dir", Folder(stack));
        Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
        return output;
    }

    private static string Folder(string stack) => stack == "bluegreen" ? BlueGreenFolder.Value : Repository.Root;

    private static readonly Lazy<string> BlueGreenFolder = new(() => Repository.WithStack("bluegreen", ValidStack.Yaml(ReportTests.BlueGreenHttps)));

    private static string[] Lines(string text) => text.Split(Environment.NewLine);

    private static HashSet<string> Words(string text) =>
        [.. text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(word => !word.All(c => c == '─'))];

    // The header row of each table: the line above its rule.
    private static IEnumerable<string> HeaderRows(string text)
    {
        var lines = Lines(text);
        return Enumerable.Range(1, lines.Length - 1).Where(i => lines[i].StartsWith('─')).Select(i => lines[i - 1]);
    }
}
