using Crawler.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Tests.Configuration;

public sealed class HoconConfigurationProviderTests
{
    private sealed class Sample
    {
        [ConfigurationKeyName("max-redirects")]
        public int MaxRedirects { get; set; }

        [ConfigurationKeyName("connect-timeout")]
        public TimeSpan ConnectTimeout { get; set; }

        [ConfigurationKeyName("max-bytes")]
        public long MaxBytes { get; set; }

        [ConfigurationKeyName("insecure")]
        public bool Insecure { get; set; }

        [ConfigurationKeyName("hosts")]
        public List<string> Hosts { get; set; } = [];
    }

    [Fact]
    public void AddHoconText_KebabKeys_BindThroughConfigurationKeyName()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconText("app { max-redirects = 7, connect-timeout = 5 minutes, max-bytes = 10MiB, insecure = on, hosts = [a, b] }")
            .Build();

        Assert.Equal("7", configuration["app:max-redirects"]);
        var sample = configuration.GetSection("app").Get<Sample>()!;
        Assert.Equal(7, sample.MaxRedirects);
        Assert.Equal(TimeSpan.FromMinutes(5), sample.ConnectTimeout);
        Assert.Equal(10L * 1024 * 1024, sample.MaxBytes);
        Assert.True(sample.Insecure);
        Assert.Equal(["a", "b"], sample.Hosts);
    }

    [Theory]
    [InlineData("10s", "00:00:10")]
    [InlineData("2m", "00:02:00")]
    [InlineData("1d", "1.00:00:00")]
    [InlineData("64k", "65536")]
    [InlineData("1GiB", "1073741824")]
    [InlineData("off", "false")]
    [InlineData("yes", "true")]
    [InlineData("mirror", "mirror")]
    [InlineData("42", "42")]
    public void Flatten_WithoutSchema_ConvertsUnambiguousShapes(string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddHoconText($"v = {value}").Build();
        Assert.Equal(expected, configuration["v"]);
    }

    [Fact]
    public void AddHocon_File_ReadsAndResolves()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a = 1\nb = ${a}");
            var configuration = new ConfigurationBuilder().AddHocon(path).Build();
            Assert.Equal("1", configuration["b"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddHocon_MissingOptionalFile_AddsNothing()
        => Assert.Empty(new ConfigurationBuilder().AddHocon("/nonexistent/x.conf", optional: true).Build().AsEnumerable());
}
