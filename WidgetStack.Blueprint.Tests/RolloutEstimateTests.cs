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

        Assert.That(estimate, Is.EqualTo(new RolloutEstimate(Waves: 2, SecondsPerWave: 120, BakeSeconds: 0)));
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

    private static DeploymentSettings Rolling(int min, int max, int grace) =>
        new(DeploymentStrategy.Rolling, min, max, CircuitBreaker: true, Rollback: true, BakeTimeMinutes: 0, HealthCheckGracePeriodSeconds: grace);
}
