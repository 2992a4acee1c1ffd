using Pulumi.Utilities;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>A release ECS rolls back fails <c>pulumi up</c>; a good one and any preview do not.</summary>
public class ReleaseGuardTests
{
    private const string Released = "arn:aws:ecs:us-east-1:123456789012:task-definition/widget-task:1";
    private const string Previous = "arn:aws:ecs:us-east-1:123456789012:task-definition/RocketCityWidgetServer:6";

    [Test]
    public async Task A_service_that_runs_the_new_task_definition_passes_and_reports_it()
    {
        var (run, error) = await RunAsync(preview: false, rolledBack: false);

        Assert.Multiple(async () =>
        {
            Assert.That(error, Is.Null);
            Assert.That(await OutputUtilities.GetValueAsync(run.Resources.OfType<WidgetService>().Single().RunningTaskDefinition), Is.EqualTo(Released));
        });
    }

    [Test]
    public async Task A_service_that_ECS_rolled_back_fails_the_update_naming_both_revisions_and_the_events()
    {
        var (_, error) = await RunAsync(preview: false, rolledBack: true);

        Assert.That(error?.ToString(), Does.Contain("WidgetService rolled back: ECS runs RocketCityWidgetServer:6, not the release widget-task:1 this update registered")
            .And.Contain("aws ecs describe-services --cluster arn:aws:ecs:us-east-1:123456789012:cluster/widget-cluster --services WidgetService"));
    }

    [Test]
    public async Task A_preview_registers_the_same_resources_and_never_fails_on_it()
    {
        var (preview, previewError) = await RunAsync(preview: true, rolledBack: true);
        var (update, _) = await RunAsync(preview: false, rolledBack: false);

        Assert.Multiple(() =>
        {
            Assert.That(previewError, Is.Null);
            Assert.That(preview.Registered.Select(RegisteredResources.Key), Is.EquivalentTo(update.Registered.Select(RegisteredResources.Key)));
        });
    }

    // prod: one wave of 60 s start + 10 s x 2 checks + 30 s drain, then 3 minutes of alarm watch:
    // 290 s; an alarm at the end of the watch and the rollback: 580 s, doubled 1,160 s, so 20 min.
    [Test]
    public async Task The_service_waits_for_a_steady_state_twice_as_long_as_a_rolled_back_release()
    {
        var run = await StackRun.RunAsync("prod");
        var service = run.Resources.OfType<WidgetService>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(run.Single("aws:ecs/service:Service").At("waitForSteadyState"), Is.True);
            Assert.That(service.ServiceOptions.CustomTimeouts?.Update, Is.EqualTo(TimeSpan.FromMinutes(20)));
            Assert.That(service.ServiceOptions.CustomTimeouts?.Create, Is.EqualTo(TimeSpan.FromMinutes(20)));
        });
    }

    // Alarms of 60 one-minute periods: ECS watches them 3,600 s after the wave (110 s); an alarm at the
    // end of that watch fails the release and the rollback takes as long: 7,420 s, which the update
    // must outwait to end in the release guard's message: twice it is 14,840 s, so 248 min.
    [Test]
    public async Task A_release_ECS_rolls_back_at_the_end_of_its_alarm_watch_ends_before_the_update_times_out()
    {
        var run = await StackRun.RunAsync("prod", ("alarmMinutes", "60"));
        var timeout = run.Resources.OfType<WidgetService>().Single().ServiceOptions.CustomTimeouts?.Update;

        Assert.Multiple(() =>
        {
            Assert.That(timeout, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2 * (110 + 3600))));
            Assert.That(timeout, Is.EqualTo(TimeSpan.FromMinutes(248)));
        });
    }

    [Test]
    public async Task A_blue_green_release_waits_through_its_bake_time()
    {
        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", "blueGreen"), ("requestsPerTarget", "0"), ("bakeTimeMinutes", "10"));

        // One wave of 110 s, then the 600 s bake (which holds the 180 s alarm watch): 710 s; rolled
        // back 1,420 s, doubled 2,840 s, so 48 min.
        Assert.That(run.Resources.OfType<WidgetService>().Single().ServiceOptions.CustomTimeouts?.Update, Is.EqualTo(TimeSpan.FromMinutes(48)));
    }

    private static Task<(StackRun Run, Exception? Error)> RunAsync(bool preview, bool rolledBack) =>
        StackRun.TryRunWithConfigAsync(
            "prod",
            StackRun.ConfigJson(StackFile.Load(Repository.Root, "prod"), []),
            preview,
            (args, state) => rolledBack && args.Type == "aws:ecs/service:Service" ? state.SetItem("taskDefinition", Previous) : state);
}
