using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.log</c>.</summary>
public sealed class LogSettings
{
    /// <summary><c>auto</c> (the command decides) or a Serilog level name; see <see cref="Logging.LogLevels"/>.</summary>
    [ConfigurationKeyName("level")]
    public string Level { get; set; } = string.Empty;
}
