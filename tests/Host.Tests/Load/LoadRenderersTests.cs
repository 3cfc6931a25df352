using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crawler.Actors.Load;
using Crawler.Host.Output;

namespace Crawler.Host.Tests.Load;

public sealed class LoadRenderersTests
{
    [Fact]
    public void Text_OpenModelReport_ShowsWrkStyleSummaryWithBothDistributions()
    {
        var text = LoadTextRenderer.Render(SampleReport(LoadModel.Open));

        Assert.Contains("open model: 500 req/s over 4 connections", text, StringComparison.Ordinal);
        Assert.Contains("corrected", text, StringComparison.Ordinal);
        Assert.Contains("uncorrected", text, StringComparison.Ordinal);
        foreach (var p in new[] { "50%", "75%", "90%", "99%", "99.9%", "99.99%", "100%" })
        {
            Assert.Matches(new Regex($@"^\s+{Regex.Escape(p)}\s+\d", RegexOptions.Multiline), text);
        }

        Assert.Contains("3000 requests in 3.00s", text, StringComparison.Ordinal);
        Assert.Contains("Errors: connect 1, timeout 2, read 0, protocol 0, status>=400 3", text, StringComparison.Ordinal);
        Assert.Contains("Status codes: 200 x2997, 503 x3", text, StringComparison.Ordinal);
        Assert.Matches(@"Requests/sec:\s+1000\.00", text);
    }

    [Fact]
    public void Json_Report_ParsesAndCarriesTotalsPercentilesAndSeries()
    {
        using var doc = JsonDocument.Parse(LoadJsonRenderer.Render(SampleReport(LoadModel.Open)));
        var root = doc.RootElement;

        Assert.Equal("open", root.GetProperty("model").GetString());
        Assert.Equal(3000, root.GetProperty("requests").GetInt64());
        Assert.Equal(1000.0, root.GetProperty("requestsPerSecond").GetDouble());
        Assert.Equal(2, root.GetProperty("errors").GetProperty("timeout").GetInt64());
        Assert.Equal(3, root.GetProperty("statusCodes").GetProperty("503").GetInt64());
        Assert.Equal(3, root.GetProperty("series").GetArrayLength());
        var p99 = root.GetProperty("latency").GetProperty("percentilesUs").GetProperty("99").GetDouble();
        Assert.InRange(p99, 1_000, 1_000_000);
        Assert.True(root.TryGetProperty("uncorrectedLatency", out _));
    }

    [Theory]
    [InlineData(LoadModel.Closed)]
    [InlineData(LoadModel.Open)]
    [InlineData(LoadModel.Page)]
    public void Html_Report_IsSelfContainedWellFormedSvg(LoadModel model)
    {
        var html = LoadHtmlRenderer.Render(SampleReport(model));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        var svgs = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline);
        Assert.Equal(3, svgs.Count);
        foreach (Match svg in svgs)
        {
            var root = XElement.Parse(svg.Value);
            Assert.NotEmpty(root.Descendants(XName.Get("path", "http://www.w3.org/2000/svg")));
        }

        Assert.Contains("99.9%", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.7, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.01, 2.0)]
    [InlineData(3.2, 5.0)]
    [InlineData(2001.0, 2500.0)]
    [InlineData(7.0, 10.0)]
    [InlineData(1234.0, 2000.0)]
    public void NiceCeiling_Value_RoundsUpToOneTwoTwoAndAHalfFive(double value, double expected)
        => Assert.Equal(expected, LoadSvgChart.NiceCeiling(value), 9);

    [Theory]
    [InlineData(500.0, "500ns")]
    [InlineData(1_500.0, "1.50us")]
    [InlineData(2_340_000.0, "2.34ms")]
    [InlineData(1_200_000_000.0, "1.20s")]
    public void Duration_Nanoseconds_FormatsLikeWrk(double ns, string expected)
        => Assert.Equal(expected, LoadUnits.Duration(ns));

    internal static LoadReport SampleReport(LoadModel model)
    {
        var pool = new LatencyHistogramPool();
        var builder = new LoadReportBuilder(pool);
        var random = new Random(1);
        for (var w = 0; w < 4; w++)
        {
            var tally = new LoadWorkerTally(w, model == LoadModel.Open, pool, builder.Add);
            for (var i = 0; i < 750; i++)
            {
                var second = i / 250;
                var latency = 200_000 + random.NextInt64(800_000);
                tally.Response(second, w == 0 && i < 3 ? 503 : 200, 1_100);
                tally.Completed(second, latency * (i % 100 == 0 ? 20 : 1), latency);
            }

            if (w == 1)
            {
                tally.Error(1, LoadErrorKind.Timeout);
                tally.Error(2, LoadErrorKind.Timeout);
                tally.Error(2, LoadErrorKind.Connect);
            }

            builder.Add(tally.Finish());
        }

        return builder.Build(
            "http://127.0.0.1:8080/",
            model,
            4,
            model == LoadModel.Open ? 500 : null,
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromSeconds(3),
            model == LoadModel.Page ? ["http://127.0.0.1:8080/style.css"] : null);
    }
}
