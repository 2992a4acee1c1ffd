using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class RollingDeploymentTests
{
    private static readonly int[] MinPercents = [0, 25, 50, 67, 75, 90, 100];
    private static readonly int[] MaxPercents = [100, 110, 125, 150, 175, 200];

    /// <summary>
    /// An independent model of the ECS scheduler's first move: with N old tasks running it may
    /// start a new one if N + 1 fits under the maximum, or stop an old one if N - 1 stays at or
    /// above the minimum, both counted in whole tasks.
    /// </summary>
    private static bool SchedulerCanMove(int n, int minPercent, int maxPercent) =>
        (n + 1) * 100 <= n * maxPercent || (n - 1) * 100 >= n * minPercent;

    [Test]
    public void The_stall_rule_matches_a_model_of_the_scheduler_for_every_count_from_1_to_50()
    {
        var disagreements =
            from n in Enumerable.Range(1, 50)
            from min in MinPercents
            from max in MaxPercents
            where RollingDeployment.CanProgress(n, min, max) != SchedulerCanMove(n, min, max)
            select (n, min, max);

        Assert.That(disagreements, Is.Empty);
    }

    [TestCase(3, 100, 100)]
    [TestCase(7, 100, 100)]
    [TestCase(3, 100, 125)]
    [TestCase(2, 75, 100)]
    [TestCase(1, 100, 150)]
    public void The_stalls_AWS_documents_are_stalls(int replicas, int min, int max) =>
        Assert.That(RollingDeployment.CanProgress(replicas, min, max), Is.False);

    [TestCase(3, 50, 200)]
    [TestCase(1, 0, 100)]
    [TestCase(1, 100, 200)]
    [TestCase(4, 75, 100)]
    public void Usual_settings_progress(int replicas, int min, int max) =>
        Assert.That(RollingDeployment.CanProgress(replicas, min, max), Is.True);

    [Test]
    public void Once_a_count_can_progress_every_larger_count_can_too()
    {
        var counterexamples =
            from min in Enumerable.Range(0, 101)
            from max in Enumerable.Range(100, 101)
            from n in Enumerable.Range(1, 60)
            where RollingDeployment.CanProgress(n, min, max) && !RollingDeployment.CanProgress(n + 1, min, max)
            select $"{n} replicas at {min}%/{max}%";

        Assert.That(counterexamples, Is.Empty);
    }

    [Test]
    public void The_settings_reader_rejects_exactly_the_combinations_that_stall()
    {
        var wrong = new List<string>();
        foreach (var n in new[] { 1, 2, 3, 4, 5, 8, 13, 50 })
        {
            foreach (var min in MinPercents)
            {
                foreach (var max in MaxPercents)
                {
                    var accepted = Accepts(n, min, max);
                    if (accepted != SchedulerCanMove(n, min, max))
                    {
                        wrong.Add($"{n} replicas, {min}%/{max}%: accepted={accepted}");
                    }
                }
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [TestCase(1, 3)]
    [TestCase(6, 3)]
    [TestCase(7, 4)]
    [TestCase(400, 200)]
    [TestCase(1000, 200)]
    public void The_circuit_breaker_threshold_is_half_the_count_within_3_to_200(int replicas, int threshold) =>
        Assert.That(RollingDeployment.CircuitBreakerThreshold(replicas), Is.EqualTo(threshold));

    private static bool Accepts(int replicas, int min, int max)
    {
        var config = new StackConfig("widget", "grid", new ConfigValue.Scalar("us-east-1"),
        [
            new("availabilityZones", new ConfigValue.List(["us-east-1a", "us-east-1b", "us-east-1c"])),
            new("image", new ConfigValue.Scalar("123456789012.dkr.ecr.us-east-1.amazonaws.com/widget:1")),
            new("replicas", Scalar(replicas)),
            new("minHealthyPercent", Scalar(min)),
            new("maxPercent", Scalar(max)),
            .. ProjectFile.Load(Repository.Root).Declarations
                .Where(d => d.Default is not null && d.Name is not ("replicas" or "minHealthyPercent" or "maxPercent"))
                .Select(d => KeyValuePair.Create(d.Name, d.Default!)),
        ],
        new ConfigValue.List(["123456789012"]));
        try
        {
            SettingsReader.Read(config);
            return true;
        }
        catch (SettingsException)
        {
            return false;
        }
    }

    private static ConfigValue.Scalar Scalar(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
