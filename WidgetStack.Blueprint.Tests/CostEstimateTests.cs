using WidgetStack.Blueprint.Cli;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;

namespace WidgetStack.Blueprint.Tests;

/// <summary>The blueprint's monthly cost estimate against figures worked out by hand from us-east-1's price list.</summary>
public class CostEstimateTests
{
    // prod: 3 tasks of 0.5 vCPU and 1 GB on-demand x86 for 730 h: 3 x 0.5 x 730 x 0.04048 = 44.3256,
    // 3 x 1 x 730 x 0.004445 = 9.73455; 3 NAT gateways 3 x 730 x 0.045 = 98.55; 3 interface
    // endpoints in 3 zones 9 x 730 x 0.01 = 65.70; 6 public addresses 6 x 730 x 0.005 = 21.90;
    // logs (3 + 2) x 0.5 = 2.50, kept 365 days: 5 x 365 / (730 / 24) = 60 GB x 0.03 = 1.80;
    // WAF 5 + 3 + 13.14 million x 0.6 = 15.884; 2 rotated KMS keys at 3 USD from their third year:
    // 6; 5 alarms x 0.1 = 0.50; the total is 288.67655.
    [Test]
    public void Prod_costs_what_its_lines_add_up_to_at_list_prices()
    {
        var (exit, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success));
            Assert.That(output, Does.Match(TableRow.Of("Fargate vCPU (on-demand, x86)", "3 tasks x 0.5 vCPU x 730 h x 0.04048 USD", "44.33")));
            Assert.That(output, Does.Match(TableRow.Of("Fargate memory (on-demand, x86)", "3 tasks x 1 GB x 730 h x 0.004445 USD", "9.73")));
            Assert.That(output, Does.Match(TableRow.Of("NAT gateway hours", "3 gateways x 730 h x 0.045 USD", "98.55")));
            Assert.That(output, Does.Match(TableRow.Of("VPC interface endpoints", "3 endpoints x 3 zones x 730 h x 0.01 USD", "65.70")));
            Assert.That(output, Does.Match(TableRow.Of("Public IPv4 addresses", "(3 NAT + 3 load balancer, one per zone at least) x 730 h x 0.005 USD", "21.90")));
            Assert.That(output, Does.Match(TableRow.Of("CloudWatch Logs ingestion", "(3 GB tasks + 2 GB flow logs) x 0.5 USD", "2.50")));
            Assert.That(output, Does.Match(TableRow.Of("CloudWatch Logs storage", "60 GB kept at steady state (365 days of logs, uncompressed: an upper bound) x 0.03 USD", "1.80")));
            Assert.That(output, Does.Match(TableRow.Of("WAF web ACL", "5 USD + 3 rule groups x 1 USD + 13.14 million requests x 0.6 USD", "15.88")));
            Assert.That(output, Does.Match(TableRow.Containing("KMS keys", "2 keys (alarm topic, logs), rotated yearly")));
            Assert.That(output, Does.Match(TableRow.Of("Total", "288.68")));
        });
    }

    // One task is 0.5 x 730 x 0.04048 + 1 x 730 x 0.004445 = 18.02005. At 9 tasks the Fargate
    // lines are 162.18045, logs 11 GB x 0.5 = 5.50 and 11 x 365 / 30.4166 = 132 GB x 0.03 = 3.96,
    // endpoint data 9 x 0.01 = 0.09; with the lines that do not scale, 401.81685.
    // KMS bills a key 1 USD a month and, with automatic rotation, 1 USD a month more for each of its
    // first two rotations: a yearly-rotated key costs 1 USD its first year, 2 its second and 3 from its
    // third. prod's two rotated keys (alarm topic, logs): 2, 4, then 6 USD; the estimate shows the
    // third year on, and says so.
    [Test]
    public void A_KMS_key_with_automatic_rotation_costs_a_dollar_more_for_each_of_its_first_two_rotations()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(TableRow.Of(
                "KMS keys", "2 keys (alarm topic, logs), rotated yearly: 2 x (1 USD + 2 rotations x 1 USD) from year 3 of their life (2.00 in year 1, 4.00 in year 2)", "6.00")));
            Assert.That(output, Does.Contain("KMS key rotation, read 2026-12-03: aws.amazon.com/kms/pricing"));
        });
    }

    // Pulumi.prod.yaml's header says what its VPC endpoints are for (Security Hub EC2.55 and EC2.56)
    // and what they cost, in the estimate's own figures: the interface endpoints' hours (65.70 USD)
    // and the NAT data they spare, prod's logs and image pulls: (3 + 12 GB) x 0.045 = 0.675 USD.
    [Test]
    public void The_prod_file_states_what_its_VPC_endpoints_are_for_and_cost_as_the_estimate_prices_them()
    {
        var header = string.Join(' ', File.ReadLines(Path.Combine(Repository.Root, "Pulumi.prod.yaml"))
            .Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#', ' ')));
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var prices = PriceList.For("us-east-1")!;
        var with = CostEstimate.For(design, prices, new CostAssumptions()).Lines.ToDictionary(l => l.Item, l => l.UsdPerMonth);
        var settings = design.Settings with { Network = design.Settings.Network with { Endpoints = false } };
        var without = CostEstimate.For(WidgetDesign.From(settings), prices, new CostAssumptions()).Lines.ToDictionary(l => l.Item, l => l.UsdPerMonth);
        var spared = without["NAT gateway data"] - with["NAT gateway data"];

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Contain("Security Hub EC2.55 (ECR API) and EC2.56 (Docker Registry)"));
            Assert.That(header, Does.Contain($"about {Math.Round(with["VPC interface endpoints"]):0} USD a month over three zones"));
            Assert.That(header, Does.Contain($"under {Math.Ceiling(spared):0} USD a month"));
            Assert.That(spared, Is.LessThan(with["VPC interface endpoints"]), "the endpoints cost more than the NAT data they spare");
        });
    }

    [Test]
    public void Prod_shows_the_cost_of_one_replica_and_of_the_autoscaling_ceiling()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root);

        Assert.That(output, Does.Contain("Per replica: 18.02 USD a month (its vCPU and memory); at the autoscaling ceiling of 9 tasks: 402.02 USD a month"));
    }

    // dev: 1 Spot task of 0.25 vCPU and 0.5 GB: 0.25 x 730 x 0.01234398 = 2.2528; one NAT gateway
    // whose data is 5 GB egress + 1 GB logs + 1 x 20 deploys x 0.2 GB of pulls = 10 GB x 0.045.
    [Test]
    public void Dev_pays_Spot_prices_and_sends_its_logs_and_image_pulls_through_its_one_NAT_gateway()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("dev", "--dir", Repository.Root);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(TableRow.Of("Fargate vCPU (Spot, x86)", "1 task x 0.25 vCPU x 730 h x 0.01234398 USD", "2.25")));
            Assert.That(output, Does.Match(TableRow.Of("NAT gateway hours", "1 gateway x 730 h x 0.045 USD", "32.85")));
            Assert.That(output, Does.Match(TableRow.Of("NAT gateway data", "(5 GB egress + 1 GB logs + 4 GB image pulls) x 0.045 USD", "0.45")));
            Assert.That(output, Does.Not.Contain("VPC interface endpoints"));
            Assert.That(output, Does.Not.Contain("WAF web ACL"));
            Assert.That(output, Does.Contain("Per replica: 2.75 USD a month (its vCPU and memory); no autoscaling: the count stays fixed"));
        });
    }

    [TestCase("X86_64", "false", "Fargate vCPU (on-demand, x86)", "0.04048", "Fargate memory (on-demand, x86)", "0.004445")]
    [TestCase("ARM64", "false", "Fargate vCPU (on-demand, ARM)", "0.03238", "Fargate memory (on-demand, ARM)", "0.00356")]
    [TestCase("X86_64", "true", "Fargate vCPU (Spot, x86)", "0.01234398", "Fargate memory (Spot, x86)", "0.00135546")]
    [TestCase("ARM64", "true", "Fargate vCPU (Spot, ARM)", "0.00987521", "Fargate memory (Spot, ARM)", "0.00108437")]
    public void Fargate_is_priced_by_architecture_and_capacity(string architecture, string spot, string vcpuItem, string vcpuRate, string memoryItem, string memoryRate)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:cpuArchitecture", architecture), ("widget:spot", spot), ("widget:replicas", "2")));

        var (_, output, _) = BlueprintRun.RunUnwrapped("qa", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(TableRow.Containing(vcpuItem, $"2 tasks x 0.25 vCPU x 730 h x {vcpuRate} USD")));
            Assert.That(output, Does.Match(TableRow.Containing(memoryItem, $"2 tasks x 0.5 GB x 730 h x {memoryRate} USD")));
        });
    }

    // 100 requests/s of 1 KB: 100 / 25 = 4 LCU from new connections against 0.36 GB/h from bytes;
    // 4 x 730 x 0.008 = 23.36. 10 requests/s of 500 KB: 18 GB/h, 18 LCU x 730 x 0.008 = 105.12.
    [TestCase("100", "1", "max(100 new connections/s / 25, 0.36 GB/h / 1) = 4 LCU x 730 h x 0.008 USD", "23.36")]
    [TestCase("10", "500", "max(10 new connections/s / 25, 18 GB/h / 1) = 18 LCU x 730 h x 0.008 USD", "105.12")]
    public void Load_balancer_capacity_units_follow_the_larger_of_connections_and_bytes(string requestsPerSecond, string kbPerRequest, string basis, string usd)
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root, "--requests-per-second", requestsPerSecond, "--kb-per-request", kbPerRequest);

        Assert.That(output, Does.Match(TableRow.Of("Load balancer LCUs", basis, usd)));
    }

    [Test]
    public void Every_assumption_is_printed_with_its_option_and_changes_the_figures_it_drives()
    {
        var (_, output, _) = BlueprintRun.RunUnwrapped(
            "prod", "--dir", Repository.Root, "--hours-per-month", "744", "--log-gb-per-task", "2", "--flow-log-gb", "0", "--egress-gb", "10", "--image-gb", "1", "--deploys-per-month", "4");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("a 744-hour month"));
            Assert.That(output, Does.Match(TableRow.Of("Load balancer hours", "1 ALB x 744 h x 0.0225 USD", "16.74")));
            Assert.That(output, Does.Match(TableRow.Of("CloudWatch Logs ingestion", "(6 GB tasks + 0 GB flow logs) x 0.5 USD", "3.00")));
            Assert.That(output, Does.Match(TableRow.Of("NAT gateway data", "10 GB egress (logs and image pulls use the VPC endpoints) x 0.045 USD", "0.45")));
            Assert.That(output, Does.Contain("--requests-per-second 5 (average requests per second; with a request target, it sets the"));
            Assert.That(output, Does.Contain("--hours-per-month 744 (hours per month)"));
            Assert.That(output, Does.Contain("--image-gb 1 (GB pulled per task start),"));
            Assert.That(output, Does.Contain("--deploys-per-month 4 (deployments per month"));
        });
    }

    [TestCase("--hours-per-month", "0", "--hours-per-month: '0' is out of range. Allowed: 1 to 744 hours.")]
    [TestCase("--hours-per-month", "745", "--hours-per-month: '745' is out of range. Allowed: 1 to 744 hours.")]
    [TestCase("--requests-per-second", "-1", "--requests-per-second: '-1' is out of range. Allowed: 0 to 1000000 requests per second.")]
    public void An_assumption_out_of_range_is_refused_with_what_is_allowed(string option, string value, string message)
    {
        var (exit, output, error) = BlueprintRun.Run("prod", "--dir", Repository.Root, option, value);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.UnusableInput));
            Assert.That(error, Does.Contain(message));
            Assert.That(output, Does.Not.Contain("Monthly cost estimate"));
        });
    }

    [Test]
    public void A_region_without_a_price_list_says_so_instead_of_guessing()
    {
        var folder = Repository.WithStack("eu", ValidStack.Yaml(
            ("aws:region", "eu-west-1"),
            ("widget:availabilityZones", "[eu-west-1a, eu-west-1b]"),
            ("widget:image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/widget:1.2.3")));

        var (exit, output, _) = BlueprintRun.RunUnwrapped("eu", "--dir", folder);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(BlueprintCommand.Success));
            Assert.That(output, Does.Contain("Monthly cost estimate: no price list for eu-west-1 (the program has prices for us-east-1; a new region is a new Costs/Prices/eu-west-1.json)"));
        });
    }

    [Test]
    public void Every_price_list_names_its_region_source_and_date_and_prices_every_item()
    {
        Assert.That(PriceList.Regions, Does.Contain("us-east-1"));
        foreach (var region in PriceList.Regions)
        {
            var prices = PriceList.For(region)!;
            Assert.Multiple(() =>
            {
                Assert.That(prices.Region, Is.EqualTo(region));
                Assert.That(prices.Currency, Is.EqualTo("USD"));
                Assert.That(DateOnly.TryParseExact(prices.AsOf, "yyyy-MM-dd", out _), Is.True, prices.AsOf);
                Assert.That(prices.Source, Does.Contain("aws.amazon.com"));
                var rates = typeof(PriceList).GetProperties().Where(p => p.PropertyType == typeof(decimal)).Select(p => (p.Name, (decimal)p.GetValue(prices)!));
                Assert.That(rates.Where(r => r.Item2 <= 0).Select(r => r.Name), Is.Empty, "every price is positive");
                Assert.That(new[] { prices.FargateVcpuHour, prices.FargateGbHour }.SelectMany(f => new[] { f.X86OnDemand, f.ArmOnDemand, f.X86Spot, f.ArmSpot }), Has.All.Positive);
                Assert.That(prices.KmsKeyRotation.RotationMonth, Is.Positive, "a billed rotation has a price");
                Assert.That(prices.KmsKeyRotation.BilledRotations, Is.Positive, "automatic rotation adds to a key's price");
                Assert.That(prices.KmsKeyRotation.Source, Does.Contain("aws.amazon.com"));
                Assert.That(DateOnly.TryParseExact(prices.KmsKeyRotation.AsOf, "yyyy-MM-dd", out _), Is.True, prices.KmsKeyRotation.AsOf);
            });
        }

        Assert.That(PriceList.For("xx-nowhere-1"), Is.Null);
    }

    [Test]
    public void The_estimate_sums_its_lines_and_runs_for_any_task_count()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var prices = PriceList.For("us-east-1")!;

        var three = CostEstimate.For(design, prices, new CostAssumptions());
        var nine = CostEstimate.For(design, prices, new CostAssumptions(), tasks: 9);

        Assert.Multiple(() =>
        {
            Assert.That(three.Tasks, Is.EqualTo(3));
            Assert.That(three.TotalUsdPerMonth, Is.EqualTo(three.Lines.Sum(l => l.UsdPerMonth)));
            Assert.That(Math.Round(three.TotalUsdPerMonth, 5), Is.EqualTo(288.67655m));
            Assert.That(Math.Round(nine.TotalUsdPerMonth, 5), Is.EqualTo(402.01685m));
        });
    }

    // Every rate comes from the price list: with a WAF rule at 2 USD, a KMS key at 3 USD and each of its
    // 3 billed rotations at 0.5 USD, prod's WAF is 5 + 3 x 2 + 13.14 x 0.6 = 18.884 and its 2 keys
    // 2 x (3 + 3 x 0.5) = 9; 1 GB per LCU-hour is the unit.
    [Test]
    public void Lines_multiply_by_the_price_list_they_are_given()
    {
        var design = WidgetDesign.Load(Repository.Root, "prod");
        var list = PriceList.For("us-east-1")!;
        var prices = list with { WafRuleMonth = 2m, KmsKeyMonth = 3m, KmsKeyRotation = list.KmsKeyRotation with { RotationMonth = 0.5m, BilledRotations = 3 }, AlbLcuHour = 0.01m };

        var lines = CostEstimate.For(design, prices, new CostAssumptions(RequestsPerSecond: 1m, KbPerRequest: 1000m)).Lines.ToDictionary(l => l.Item, l => l.UsdPerMonth);

        Assert.Multiple(() =>
        {
            Assert.That(lines["WAF web ACL"], Is.EqualTo(5m + 6m + (1m * 3600m * 730m / 1_000_000m * 0.6m)));
            Assert.That(lines["KMS keys"], Is.EqualTo(9m));

            // 1 request/s of 1,000 KB: 3.6 GB/h against 0.04 new connections: 3.6 LCU x 730 h x 0.01 USD.
            Assert.That(lines["Load balancer LCUs"], Is.EqualTo(3.6m * 730m * 0.01m));
        });
    }
}

/// <summary>The estimate prices the tasks the assumed load needs, not the desired count at creation.</summary>
public class CostLoadTests
{
    [TestCase(5, 1, 3)]
    [TestCase(50, 3, 3)]
    [TestCase(100, 6, 6)]
    [TestCase(150, 9, 9)]
    [TestCase(200, 12, 9)]
    public void Prod_prices_the_tasks_its_load_needs_at_its_request_target_within_the_autoscaling_bounds(int requestsPerSecond, int needed, int priced)
    {
        var design = WidgetStack.Blueprint.Design.WidgetDesign.Load(Repository.Root, "prod");
        var assumptions = new CostAssumptions(RequestsPerSecond: requestsPerSecond);

        var load = CostEstimate.TasksFor(design, assumptions);

        Assert.Multiple(() =>
        {
            Assert.That((load.Needed, load.Tasks), Is.EqualTo(((int?)needed, priced)));
            Assert.That(CostEstimate.For(design, PriceList.For("us-east-1")!, assumptions).Tasks, Is.EqualTo(priced));
            Assert.That(load.AboveCeiling, Is.EqualTo(needed > 9));
        });
    }

    [Test]
    public void Without_autoscaling_on_requests_the_fixed_count_is_priced_whatever_the_load()
    {
        var design = WidgetStack.Blueprint.Design.WidgetDesign.Load(Repository.Root, "dev");

        var load = CostEstimate.TasksFor(design, new CostAssumptions(RequestsPerSecond: 500m));

        Assert.That((load.Tasks, load.Needed, load.AboveCeiling), Is.EqualTo((1, (int?)null, false)));
    }

    [Test]
    public void Prod_at_200_requests_a_second_prices_9_tasks_and_warns_that_the_load_needs_12()
    {
        var (exit, output, _) = BlueprintRun.RunUnwrapped("prod", "--dir", Repository.Root, "--requests-per-second", "200");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0));
            Assert.That(output, Does.Contain("a 730-hour month, 9 tasks\nLoad: 200 requests/s at 1000 requests a minute per task need 12 tasks; the autoscaling ceiling holds 9\n"));
            Assert.That(output, Does.Contain("Warning: 200 requests/s needs 12 tasks at 1000 requests a minute per task, above the autoscaling ceiling of 9 (widget:maxReplicas)"));
            Assert.That(output, Does.Contain("Fargate vCPU (on-demand, x86)     9 tasks x 0.5 vCPU"));
        });
    }
}
