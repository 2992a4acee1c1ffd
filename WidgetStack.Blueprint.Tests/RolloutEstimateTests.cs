using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The rollout estimate against cases worked out by hand.</summary>
public class RolloutEstimateTests
{
    private static readonly HealthCheckSettings Health = new("/", IntervalSeconds: 10, TimeoutSeconds: 5, HealthyThreshold: 2, UnhealthyThreshold: 2);

    // 4 replicas at 50%/100%: keeps 2, allows 4, so 2 per wave, 2 waves; a wave is 60 s start +
    // max(30 s grace, 10 s x 2) + 30 s drain = 120 s; 240 s in all, doubled is 8 min, so the 10-minute floor.
    [Test]
    public void Four_replicas_at_50_to_100_percent_take_two_waves_of_two_minutes()
    {
        var estimate = RolloutEstimate.For(4, Rolling(50, 100, grace: 30), Health, deregistrationDelaySeconds: 30);

        Assert.That(estimate, Is.EqualTo(new RolloutEstimate(Replicas: 4, Waves: 2, TasksPerWave: 2, HealthySeconds: 30, DrainSeconds: 30, BakeSeconds: 0)));
        Assert.That(estimate.SecondsPerWave, Is.EqualTo(120));
        Assert.That((estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((240, 10)));
    }

    // 10 replicas at 100%/110%: keeps 10, allows 11, one task per wave, 10 waves; a wave is 60 s +
    // max(0, 5 x 10 s) + 300 s = 410 s; 4,100 s in all, doubled 8,200 s = 136.7, so 137 min.
    [Test]
    public void AWS_defaults_with_a_tight_ceiling_take_ten_slow_waves()
    {
        var health = Health with { IntervalSeconds = 10, HealthyThreshold = 5 };

        var estimate = RolloutEstimate.For(10, Rolling(100, 110, grace: 0), health, deregistrationDelaySeconds: 300);

        Assert.That((estimate.Waves, estimate.SecondsPerWave, estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((10, 410, 4100, 137)));
    }

    // Blue/green: one wave of 60 + 30 + 30 = 120 s, then a 5-minute bake: 420 s, doubled 14 min.
    [Test]
    public void Blue_green_takes_one_wave_and_its_bake_time()
    {
        var deployment = Rolling(100, 200, grace: 30) with { Strategy = DeploymentStrategy.BlueGreen, BakeTimeMinutes = 5 };

        var estimate = RolloutEstimate.For(3, deployment, Health, deregistrationDelaySeconds: 30);

        Assert.That((estimate.Waves, estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((1, 420, 14)));
    }

    // 3 replicas at 50%/200%: keeps 2, allows 6, so all 3 in one wave.
    [Test]
    public void Prod_replaces_every_replica_in_one_wave()
    {
        var estimate = RolloutEstimate.For(3, Rolling(50, 200, grace: 30), Health, deregistrationDelaySeconds: 30);

        Assert.That((estimate.Waves, estimate.Seconds), Is.EqualTo((1, 120)));
    }

    // The same 4 replicas with the target group at AWS's defaults: healthy after max(30 s, 30 s x 5)
    // = 150 s, drain 300 s, so a wave is 60 + 150 + 300 = 510 s and two waves 1,020 s.
    [Test]
    public void AWS_defaults_make_each_wave_wait_for_five_slow_checks_and_a_five_minute_drain()
    {
        var estimate = RolloutEstimate.WithAwsDefaults(4, Rolling(50, 100, grace: 30), Health);

        Assert.That(estimate, Is.EqualTo(new RolloutEstimate(Replicas: 4, Waves: 2, TasksPerWave: 2, HealthySeconds: 150, DrainSeconds: 300, BakeSeconds: 0)));
        Assert.That(estimate.Seconds, Is.EqualTo(1020));
    }

    // A grace period longer than the checks wins: max(200 s, 30 s x 5) = 200 s.
    [Test]
    public void A_long_grace_period_outlasts_even_the_default_checks()
    {
        var estimate = RolloutEstimate.WithAwsDefaults(2, Rolling(100, 200, grace: 200), Health);

        Assert.That((estimate.HealthySeconds, estimate.Waves, estimate.TasksPerWave, estimate.Seconds), Is.EqualTo((200, 1, 2, 560)));
    }

    // prod: 9 tasks (its ceiling) at 50%/200% keep 5 and allow 18, so one wave of up to 9; 120 s
    // with its checks (10 s x 2, grace 30 s, drain 30 s) against 510 s at AWS's defaults: 390 s (76%) saved.
    [Test]
    public void The_blueprint_shows_prods_rollout_beside_the_same_with_AWS_defaults()
    {
        var (_, output, _) = BlueprintRun.Run("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Rollout of one deployment of 9 tasks (the most the service runs), estimated; beside it the target group at AWS's defaults"));
            Assert.That(output, Does.Match(TableRow.Of("Waves", "1 of up to 9 tasks", "1 of up to 9 tasks")));
            Assert.That(output, Does.Match(TableRow.Of("Until healthy", "30 s: max(grace 30 s, 10 s x 2 checks)", "150 s: max(grace 30 s, 30 s x 5 checks)")));
            Assert.That(output, Does.Match(TableRow.Of("Drain of the old tasks", "30 s", "300 s")));
            Assert.That(output, Does.Match(TableRow.Of("Per wave", "120 s", "510 s")));
            Assert.That(output, Does.Match(TableRow.Of("Bake (blue/green)", "0 s", "0 s")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "120 s (2 min 0 s)", "510 s (8 min 30 s)")));
            Assert.That(output, Does.Contain("The stack's health check and drain save 390 s a deployment (76%). pulumi up waits up to 10 min"));
        });
    }

    // Blue/green with a 10-minute bake: one wave of 60 + max(30, 30 x 5 = 150) + 300 = 510 s at the
    // defaults and 60 + 150 + 300 with a stack already at the defaults: nothing saved; + 600 s bake.
    [Test]
    public void A_stack_already_at_AWS_defaults_saves_nothing_and_blue_green_adds_its_bake()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(
            ("widget:deploymentStrategy", "blueGreen"),
            ("widget:bakeTimeMinutes", "10"),
            ("widget:healthCheckIntervalSeconds", "30"),
            ("widget:healthyThreshold", "5"),
            ("widget:deregistrationDelaySeconds", "300")));

        var (exit, output, error) = BlueprintRun.Run("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Match(TableRow.Of("Bake (blue/green)", "600 s", "600 s")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "1110 s (18 min 30 s)", "1110 s (18 min 30 s)")));
            Assert.That(output, Does.Contain("The stack's health check and drain save nothing over AWS's defaults. pulumi up waits up to 37 min"));
        });
    }

    private static DeploymentSettings Rolling(int min, int max, int grace) =>
        new(DeploymentStrategy.Rolling, min, max, CircuitBreaker: true, Rollback: true, BakeTimeMinutes: 0, HealthCheckGracePeriodSeconds: grace);
}
