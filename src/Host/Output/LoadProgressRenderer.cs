using Crawler.Actors.Load;
using Microsoft.Extensions.Logging;

namespace Crawler.Host.Output;

/// <summary>
/// The live progress of `crawler load`: one line rewritten in place with <c>\r</c> when stderr is a
/// terminal, otherwise one log line per second (redirected stderr should stay a readable log).
/// Called from the supervisor actor's thread, never concurrently with itself.
/// </summary>
internal sealed partial class LoadProgressRenderer
{
    private readonly TextWriter _error;
    private readonly bool _redirected;
    private readonly ILogger _logger;
    private readonly string _unit;
    private bool _drewLine;

    public LoadProgressRenderer(TextWriter error, bool redirected, ILogger logger, LoadModel model)
    {
        _error = error;
        _redirected = redirected;
        _logger = logger;
        _unit = model == LoadModel.Page ? "pages/s" : "req/s";
    }

    public void Report(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var elapsed = LoadUnits.Number(progress.Elapsed.TotalSeconds, "0");
        var p99 = LoadUnits.Duration(progress.P99NanosecondsLastSecond);
        if (_redirected)
        {
            LogProgress(_logger, elapsed, progress.OperationsLastSecond, _unit, p99, progress.ErrorsLastSecond);
            return;
        }

        _error.Write($"\r  {elapsed,4}s  {progress.OperationsLastSecond,8} {_unit}  p99 {p99,9}  errors {progress.ErrorsLastSecond,6}   ");
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
