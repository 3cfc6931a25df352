namespace Crawler.Host.Output;

/// <summary>One line of an SVG chart: points in chart coordinates (the caller maps log axes itself).</summary>
internal sealed record LoadChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);
