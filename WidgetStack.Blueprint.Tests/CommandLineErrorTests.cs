using System.CommandLine;
using System.CommandLine.Help;
using WidgetStack.Blueprint.Cli;
using static WidgetStack.Blueprint.Tests.BlueprintRun;

namespace WidgetStack.Blueprint.Tests;

/// <summary>A command line the blueprint cannot take: one line naming the mistake, exit 2, never a stack trace.</summary>
public class CommandLineErrorTests
{
    // How each command is run with valid arguments but the option under test, which comes after them.
    private static string[] ValidWithout(string command, string option) =>
    [
        .. command == "diff" ? (option == "--before" ? ["diff", "prod"] : new[] { "diff", "dev", "prod" }) : ["prod"],
        .. option == "--dir" ? [] : new[] { "--dir", Repository.Root },
    ];

    // Values no number option takes: words, exponents, signs and separators a user may type, and nothing at all.
    private static readonly string[] BadNumbers =
        ["abc", "1e9", "1E3", "-1", "0,2", "1,000,000", "2.5.1", "", " ", "NaN", "Infinity", "0x10", "99999999999999999999999999999999999", "5 GB"];

    private static IEnumerable<TestCaseData> BadOptionValues()
    {
        var (root, _) = BlueprintCommand.Create(120, TextWriter.Null, TextWriter.Null);
        foreach (var command in new[] { root }.Concat(root.Subcommands))
        {
            foreach (var option in command.Options.Where(o => o is not (HelpOption or VersionOption)))
            {
                string[] values = option.ValueType == typeof(decimal) ? [.. BadNumbers, OutOfRange(option)]
                    : option.Name == "--format" ? ["pdf", "", "TEXT"]
                    : option.Name == "--dir" ? ["", "/no/such/folder"]
                    : ["", "/no/such/file.yaml"];
                foreach (var value in values)
                {
                    yield return new TestCaseData(command.Name, option.Name, value).SetArgDisplayNames(command.Name, option.Name, $"'{value}'");
                }

                // The option last, with no value after it.
                yield return new TestCaseData(command.Name, option.Name, null).SetArgDisplayNames(command.Name, option.Name, "(none)");
            }
        }
    }

    // One past the largest value the option takes.
    private static string OutOfRange(Option option) =>
        (new Costs.CostAssumptions().All.Single(a => a.Option == option.Name).Most + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [TestCaseSource(nameof(BadOptionValues))]
    public void A_bad_value_of_any_option_prints_one_line_naming_the_option_and_exits_2(string command, string option, string? value)
    {
        string[] args = value is null ? [.. ValidWithout(command, option), option] : [.. ValidWithout(command, option), option, value];

        var (exit, output, error) = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput), error);
            Assert.That(output, Is.Empty);
            Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), "one line");
            Assert.That(error, Does.StartWith($"{option}: ").And.Contain("Allowed: "));
            Assert.That(error, Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), "no stack trace");
        });
    }

    [TestCase("--requests-per-second", "abc", "--requests-per-second: 'abc' is not a number. Allowed: 0 to 1000000 requests per second.")]
    [TestCase("--requests-per-second", "1e3", "--requests-per-second: '1e3' has an exponent; write the number out: 1000. Allowed: 0 to 1000000 requests per second.")]
    [TestCase("--egress-gb", "x", "--egress-gb: 'x' is not a number. Allowed: 0 to 1000000 GB.")]
    [TestCase("--hours-per-month", "abc", "--hours-per-month: 'abc' is not a number. Allowed: 1 to 744 hours.")]
    [TestCase("--hours-per-month", "-5", "--hours-per-month: '-5' is out of range. Allowed: 1 to 744 hours.")]
    [TestCase("--image-gb", "0,2", "--image-gb: '0,2' has a decimal comma; use a decimal point: 0.2. Allowed: 0 to 200 GB.")]
    [TestCase("--kb-per-request", "1,000,000", "--kb-per-request: '1,000,000' has thousands separators; write it without them: 1000000. Allowed: 0 to 1000000 KB.")]
    [TestCase("--deploys-per-month", "", "--deploys-per-month: needs a value. Allowed: 0 to 100000 deployments.")]
    [TestCase("--format", "pdf", "--format: 'pdf' is not a format. Allowed: text or mermaid.")]
    public void A_mistyped_value_is_named_with_what_the_option_allows(string option, string value, string message)
    {
        var (exit, output, error) = Run("prod", "--dir", Repository.Root, option, value);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Is.EqualTo(message + Environment.NewLine));
        });
    }

    [TestCase("0.2", "0.2")]
    [TestCase(".5", "0.5")]
    [TestCase("+3", "3")]
    [TestCase("150", "150")]
    public void A_plain_number_with_a_decimal_point_is_taken(string value, string printed)
    {
        var (exit, output, error) = RunUnwrapped("prod", "--dir", Repository.Root, "--image-gb", value);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success), error);
            Assert.That(output, Does.Contain($"--image-gb {printed} (GB pulled per task start)"));
        });
    }

    [TestCase("")]
    [TestCase("foo.yaml")]
    [TestCase("Pulumi.yaml")]
    [TestCase("folder/notes.txt")]
    public void A_stack_that_names_no_stack_file_prints_one_line_and_exits_2(string stack)
    {
        var (exit, output, error) = Run(stack, "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.StartWith("<stack>: ").And.Contain("Allowed: a stack's name (dev, prod, ...) or its file, Pulumi.<stack>.yaml"));
            Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Without_a_stack_it_says_what_to_give()
    {
        var (exit, _, error) = Run();

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Is.EqualTo($"<stack>: needs a value. Allowed: {StackLocation.Allowed}.{Environment.NewLine}"));
        });
    }

    [Test]
    public void The_built_program_refuses_a_mistyped_number_with_one_line_and_exit_2()
    {
        var (exit, output, error) = BuiltProgram.Run(Repository.Root, "prod", "--requests-per-second", "abc");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Is.EqualTo($"--requests-per-second: 'abc' is not a number. Allowed: 0 to 1000000 requests per second.{Environment.NewLine}"));
        });
    }
}
