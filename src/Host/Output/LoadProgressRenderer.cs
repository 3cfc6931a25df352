using Crawler.Actors.Load;
using Microsoft.Extensions.Logging;

namespace Crawler.Host.Output;

/// <summary>
/// The live progress of `crawler load`: on a terminal, a progress bar with the last second's figures rewritten in
/// place with <c>\r</c> (<see cref="LoadProgressLine"/>); otherwise one log line per second, since redirected stderr
/// should stay a readable log. Called from the supervisor actor's thread, never concurrently with itself.
/// </summary>
internal sealed partial class LoadProgressRenderer
{
    private readonly TextWriter _error;
    private readonly bool _redirected;
    private readonly ILogger _logger;
    private readonly string _unit;
    private readonly LoadProgressBound? _bound;
    private readonly bool _color;
    private readonly Func<int> _terminalWidth;
    private bool _drewLine;

    /// <param name="bound">What ends the run, for the bar; null shows the figures alone.</param>
    /// <param name="color">Whether ANSI colours are allowed (never in the redirected log).</param>
    /// <param name="terminalWidth">Asked before each line, so a resized window gets a line that fits.</param>
    public LoadProgressRenderer(
        TextWriter error,
        bool redirected,
        ILogger logger,
        LoadModel model,
        LoadProgressBound? bound,
        bool color,
        Func<int> terminalWidth)
    {
        _error = error;
        _redirected = redirected;
        _logger = logger;
        _unit = model == LoadModel.Page ? "pages/s" : "req/s";
        _bound = bound;
        _color = color;
        _terminalWidth = terminalWidth;
    }

    public void Report(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_redirected)
        {
            var elapsed = LoadUnits.Number(progress.Elapsed.TotalSeconds, "0");
            var p99 = LoadUnits.Duration(progress.P99NanosecondsLastSecond);
            LogProgress(_logger, elapsed, progress.OperationsLastSecond, _unit, p99, progress.ErrorsLastSecond);
            return;
        }

        _error.Write('\r' + LoadProgressLine.Render(progress, _bound, _unit, _terminalWidth(), _color));
        _error.Flush();
        _drewLine = true;
    }

    /// <summary>Ends the in-place line so the report starts on a fresh one.</summary>
    public void Finish()
    {
        if (_drewLine)
        {
            _error.WriteLine();
            _drewLine = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Elapsed}s: {Operations} {Unit}, p99 {P99}, {Errors} errors")]
    private static partial void LogProgress(ILogger logger, string elapsed, long operations, string unit, string p99, long errors);
}
