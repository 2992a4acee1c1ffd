using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The rollout estimate against cases worked out by hand.</summary>
public class RolloutEstimateTests
{
    private static readonly HealthCheckSettings Health = new("/", IntervalSeconds: 10, TimeoutSeconds: 5, HealthyThreshold: 2, UnhealthyThreshold: 2);

    // Alarms of 3 one-minute periods, as Pulumi.yaml's default alarmMinutes sets them.
    private const int AlarmWatch = 3 * 60;

    // 4 replicas at 50%/100%: keeps 2, allows 4, so 2 per wave, 2 waves; a wave is 60 s start +
    // 10 s x 2 checks + 30 s drain = 110 s; 220 s and the 180 s alarm watch, 400 s in all. An alarm at
    // the end of the watch and the rollback make 800 s, doubled 1,600 s = 26.7, so 27 min.
    [Test]
    public void Four_replicas_at_50_to_100_percent_take_two_waves_and_the_alarm_watch()
    {
        var estimate = RolloutEstimate.For(4, Rolling(50, 100, grace: 30), Health, deregistrationDelaySeconds: 30, AlarmWatch);

        Assert.That(estimate, Is.EqualTo(new RolloutEstimate(Replicas: 4, Waves: 2, TasksPerWave: 2, HealthySeconds: 20, DrainSeconds: 30, BakeTimeSeconds: 0, AlarmWatchSeconds: 180)));
        Assert.That((estimate.SecondsPerWave, estimate.BakeSeconds), Is.EqualTo((110, 180)));
        Assert.That((estimate.Seconds, estimate.RolledBackSeconds, estimate.TimeoutMinutes), Is.EqualTo((400, 800, 27)));
    }

    // 10 replicas at 100%/110%: keeps 10, allows 11, one task per wave, 10 waves; a wave is 60 s +
    // 5 x 10 s + 300 s = 410 s; 4,100 s + 180 s = 4,280 s, rolled back 8,560 s, doubled 17,120 s =
    // 285.3, so 286 min.
    [Test]
    public void AWS_defaults_with_a_tight_ceiling_take_ten_slow_waves()
    {
        var health = Health with { IntervalSeconds = 10, HealthyThreshold = 5 };

        var estimate = RolloutEstimate.For(10, Rolling(100, 110, grace: 0), health, deregistrationDelaySeconds: 300, AlarmWatch);

        Assert.That((estimate.Waves, estimate.SecondsPerWave, estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((10, 410, 4280, 286)));
    }

    // Blue/green: one wave of 60 + 20 + 30 = 110 s, then the 5-minute bake, longer than the 3-minute
    // alarm watch it holds: 410 s; rolled back 820 s, doubled 1,640 s = 27.3, so 28 min.
    [Test]
    public void Blue_green_takes_one_wave_and_its_bake_time()
    {
        var deployment = Rolling(100, 200, grace: 30) with { Strategy = DeploymentStrategy.BlueGreen, BakeTimeMinutes = 5 };

        var estimate = RolloutEstimate.For(3, deployment, Health, deregistrationDelaySeconds: 30, AlarmWatch);

        Assert.That((estimate.Waves, estimate.BakeSeconds, estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((1, 300, 410, 28)));
    }

    // Blue/green with no bake time of its own still waits out the alarms: 110 + 180 s.
    [Test]
    public void Blue_green_with_a_short_bake_time_still_waits_out_the_deployment_alarms()
    {
        var deployment = Rolling(100, 200, grace: 30) with { Strategy = DeploymentStrategy.BlueGreen, BakeTimeMinutes = 0 };

        var estimate = RolloutEstimate.For(3, deployment, Health, deregistrationDelaySeconds: 30, AlarmWatch);

        Assert.That((estimate.BakeTimeSeconds, estimate.BakeSeconds, estimate.Seconds), Is.EqualTo((0, 180, 290)));
    }

    // 3 replicas at 50%/200%: keeps 2, allows 6, so all 3 in one wave.
    [Test]
    public void Prod_replaces_every_replica_in_one_wave()
    {
        var estimate = RolloutEstimate.For(3, Rolling(50, 200, grace: 30), Health, deregistrationDelaySeconds: 30, AlarmWatch);

        Assert.That((estimate.Waves, estimate.Seconds), Is.EqualTo((1, 290)));
    }

    // The same 4 replicas with the target group at AWS's defaults: healthy after 30 s x 5 = 150 s,
    // drain 300 s, so a wave is 60 + 150 + 300 = 510 s, two waves 1,020 s and the watch 1,200 s.
    [Test]
    public void AWS_defaults_make_each_wave_wait_for_five_slow_checks_and_a_five_minute_drain()
    {
        var estimate = RolloutEstimate.WithAwsDefaults(4, Rolling(50, 100, grace: 30), Health, AlarmWatch);

        Assert.That(estimate, Is.EqualTo(new RolloutEstimate(Replicas: 4, Waves: 2, TasksPerWave: 2, HealthySeconds: 150, DrainSeconds: 300, BakeTimeSeconds: 0, AlarmWatchSeconds: 180)));
        Assert.That(estimate.Seconds, Is.EqualTo(1200));
    }

    // A short release still gets 10 minutes: 290 s rolled back is 580 s, doubled 19.3, so 20 min;
    // with no alarm watch it would be 110 s, 440 s doubled, under the floor.
    [Test]
    public void Pulumi_up_waits_at_least_ten_minutes()
    {
        var estimate = RolloutEstimate.For(3, Rolling(50, 200, grace: 30), Health, deregistrationDelaySeconds: 30, alarmWatchSeconds: 0);

        Assert.That((estimate.Seconds, estimate.TimeoutMinutes), Is.EqualTo((110, 10)));
    }

    // prod: 9 tasks (its ceiling) at 50%/200% keep 5 and allow 18, so one wave of up to 9; 110 s with
    // its checks (10 s x 2, drain 30 s) and the 180 s alarm watch: 290 s, against 510 + 180 = 690 s at
    // AWS's defaults: 400 s (57%) saved. Rolled back: 580 s and 1,380 s; pulumi up waits 1,160 s, 20 min.
    [Test]
    public void The_blueprint_shows_prods_rollout_beside_the_same_with_AWS_defaults()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Rollout of one deployment of 9 tasks (the most the service runs), estimated; beside it the target group at AWS's defaults"));
            Assert.That(output, Does.Match(TableRow.Of("Waves", "1 of up to 9 tasks", "1 of up to 9 tasks")));
            Assert.That(output, Does.Match(TableRow.Of("Until healthy", "20 s: 10 s x 2 checks", "150 s: 30 s x 5 checks")));
            Assert.That(output, Does.Match(TableRow.Of("Drain of the old tasks", "30 s", "300 s")));
            Assert.That(output, Does.Match(TableRow.Of("Per wave", "110 s", "510 s")));
            Assert.That(output, Does.Match(TableRow.Of("Alarm watch, then bake", "180 s: alarms, 3 periods x 60 s", "180 s: alarms, 3 periods x 60 s")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "290 s (4 min 50 s)", "690 s (11 min 30 s)")));
            Assert.That(output, Does.Match(TableRow.Of("Rejected by an alarm, rolled back", "580 s (9 min 40 s)", "1380 s (23 min 0 s)")));
            Assert.That(output, Does.Contain("The stack's health check and drain save 400 s a deployment (57%). pulumi up waits up to 20 min for a steady state"));
        });
    }

    // The assumptions behind the figures are printed with them.
    [Test]
    public void The_blueprint_states_the_assumptions_of_its_rollout_estimate()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);
        var text = string.Join(' ', output.Split('\n').Select(l => l.Trim()));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("it is healthy after interval x healthy threshold"));
            Assert.That(text, Does.Contain("it does not delay healthy"));
            Assert.That(text, Does.Contain("ECS watches the deployment alarms for their evaluation window, 3 x 60 s"));
            Assert.That(text, Does.Contain("the rollback is a deployment of the same length"));
        });
    }

    // Blue/green with a 10-minute bake: one wave of 60 + 30 x 5 + 300 = 510 s with a stack already at
    // the defaults: nothing saved; + 600 s bake, which holds the 180 s alarm watch: 1,110 s; rolled
    // back 2,220 s, doubled 4,440 s = 74 min.
    [Test]
    public void A_stack_already_at_AWS_defaults_saves_nothing_and_blue_green_adds_its_bake()
    {
        var output = Blueprint(
            ("widget:deploymentStrategy", "blueGreen"),
            ("widget:bakeTimeMinutes", "10"),
            ("widget:healthCheckIntervalSeconds", "30"),
            ("widget:healthyThreshold", "5"),
            ("widget:deregistrationDelaySeconds", "300"));

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(TableRow.Of("Alarm watch, then bake", "600 s: bake time (alarms: 180 s)", "600 s: bake time (alarms: 180 s)")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "1110 s (18 min 30 s)", "1110 s (18 min 30 s)")));
            Assert.That(output, Does.Contain("The stack's health check and drain save nothing over AWS's defaults. pulumi up waits up to 74 min"));
        });
    }

    // ECS keeps the old version through the bake time only ("the time period when both blue and
    // green service revisions are running simultaneously after the production traffic has shifted"):
    // a 2-minute bake under a 5-minute alarm watch runs both for 2 min, a bake of 0 not at all; a
    // bake as long as the watch is still the alarms' bake.
    [TestCase("2", "Both versions run for 2 min a deployment (shift and bake)", "100%, the old version stops after the bake")]
    [TestCase("5", "Both versions run for 5 min a deployment (shift and bake)", "100%, the old version stops after the bake")]
    [TestCase("0", "The old version stops as soon as all production traffic is on the new one (bake time 0 min): no time with both versions running.", "100%, the old version stops")]
    public void Blue_green_runs_both_versions_for_its_bake_time_not_the_alarm_watch(string bakeMinutes, string bothVersions, string lastRow)
    {
        var output = Blueprint(
            ("widget:deploymentStrategy", "blueGreen"),
            ("widget:bakeTimeMinutes", bakeMinutes),
            ("widget:alarmMinutes", "5"));

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain(bothVersions));
            Assert.That(output.Split("Both versions run").Length - 1, Is.EqualTo(bakeMinutes == "0" ? 0 : 1));
            Assert.That(output, Does.Match(TableRow.Of(bakeMinutes, lastRow)));
            Assert.That(output, Does.Match(TableRow.Of("Alarm watch, then bake", "300 s: alarms, 5 periods x 60 s", "300 s: alarms, 5 periods x 60 s")));
        });
    }

    // Linear: 25% at minute 0, then 25% more every 3 minutes: all traffic moved at minute 9, then the
    // bake of 1 minute: both versions run 10 min. The deployment: one wave of 110 s, the 540 s shift
    // and the 180 s alarm watch: 830 s.
    [Test]
    public void A_linear_release_runs_both_versions_through_its_shift_and_its_bake()
    {
        var output = Blueprint(
            ("widget:replicas", "1"),
            ("widget:deploymentStrategy", "linear"),
            ("widget:linearStepPercent", "25"),
            ("widget:linearStepBakeMinutes", "3"),
            ("widget:bakeTimeMinutes", "1"));

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("Both versions run for 10 min a deployment (shift and bake): 1 task more"));
            Assert.That(output, Does.Match(TableRow.Of("Traffic shift", "540 s", "540 s")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "830 s (13 min 50 s)", "1230 s (20 min 30 s)")));
        });
    }

    /// <summary>The blueprint of a valid stack with <paramref name="changes"/>, unwrapped; the run must succeed.</summary>
    private static string Blueprint(params (string Key, string? Value)[] changes)
    {
        var (exit, output, error) = BlueprintRun.RunUnwrapped("qa", "--dir", Repository.WithStack("qa", ValidStack.Yaml(changes)));
        Assert.That(exit, Is.EqualTo(0), error);
        return output;
    }

    private static DeploymentSettings Rolling(int min, int max, int grace) =>
        new(DeploymentStrategy.Rolling, min, max, CircuitBreaker: true, Rollback: true, BakeTimeMinutes: 0, HealthCheckGracePeriodSeconds: grace);

    // The defects of the review, through the design record (they read the same before and after).
    // A valid stack: 3 replicas at 100%/200% (one wave), checks every 10 s healthy after 2, drain 30 s,
    // grace 30 s and alarms of 3 one-minute periods: a wave is 60 + 20 + 30 = 110 s.

    // ECS adds a bake after the new tasks are up while it watches the deployment alarms: 5 periods of
    // 60 s, so 110 + 300 = 410 s.
    [Test]
    public void Rolling_deployments_bake_while_ECS_watches_the_deployment_alarms()
    {
        var rollout = Design(("widget:alarmMinutes", "5")).Service.Deployment.Rollout;

        Assert.That(rollout.Seconds, Is.EqualTo(110 + (5 * 60)));
    }

    // The grace period only stops ECS from replacing tasks that fail their checks; a task is healthy
    // after 10 s x 2 checks whatever the grace period.
    [Test]
    public void The_health_check_grace_period_does_not_delay_healthy_targets()
    {
        var noGrace = Design(("widget:healthCheckGracePeriodSeconds", "0")).Service.Deployment.Rollout;
        var longGrace = Design(("widget:healthCheckGracePeriodSeconds", "600")).Service.Deployment.Rollout;

        Assert.Multiple(() =>
        {
            Assert.That(longGrace.Seconds, Is.EqualTo(noGrace.Seconds));
            Assert.That(longGrace.Seconds, Is.EqualTo(110 + 180));
        });
    }

    // Alarms of 60 one-minute periods: the release takes 110 + 3,600 = 3,710 s, an alarm at the end of
    // that watch fails it and the rollback takes as long again: 7,420 s, which pulumi up must outwait
    // (twice it: 14,840 s = 247.3, so 248 min), or it ends in a timeout instead of the release guard.
    [Test]
    public void A_release_ECS_rolls_back_at_the_end_of_its_alarm_watch_ends_before_pulumi_up_times_out()
    {
        var rollout = Design(("widget:alarmMinutes", "60")).Service.Deployment.Rollout;

        Assert.Multiple(() =>
        {
            Assert.That(rollout.TimeoutMinutes * 60, Is.GreaterThanOrEqualTo(2 * (110 + 3600)));
            Assert.That(rollout.TimeoutMinutes, Is.EqualTo(248));
        });
    }

    private static WidgetDesign Design(params (string Key, string? Value)[] changes) =>
        WidgetDesign.Load(Repository.WithStack("qa", ValidStack.Yaml(changes)), "qa");
}
