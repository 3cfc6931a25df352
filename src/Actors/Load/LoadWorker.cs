using System.Runtime.CompilerServices;

namespace Crawler.Actors.Load;

/// <summary>
/// One connection's request loop for the closed and open models. It owns its socket, its tallies and
/// its loop; the only thing that crosses threads is a per-second snapshot handed to the supervisor and
/// the watchdog's <see cref="CheckTimeout"/>.
/// </summary>
/// <remarks>
/// Requests do not travel as actor messages: at 50 000 requests/s a message per request would cost more
/// than the request itself (an allocation, a mailbox hop, a context switch) and would serialise all
/// connections through one mailbox. The actor owns this loop and exchanges one message per second.
/// </remarks>
internal sealed class LoadWorker : ILoadLoop
{
    // Back-off between failed connects, doubling from the first to the cap: fast recovery after a
    // server restart, without spinning on a port nobody listens on.
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromMilliseconds(500);

    private readonly int _id;
    private readonly LoadRunContext _run;
    private readonly LoadEndpoint _endpoint;
    private readonly ReadOnlyMemory<byte> _request;
    private readonly LoadWorkerTally _tally;
    private LoadConnection? _connection;
    private long _busySince;
    private int _timedOut;
    private bool _attempted;
    private TimeSpan _reconnectDelay = FirstReconnectDelay;

    public LoadWorker(int id, LoadRunContext run, LoadEndpoint endpoint, LoadRequest request, Action<LoadIntervalSnapshot> publish)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        _id = id;
        _run = run;
        _endpoint = endpoint;
        _request = request.Bytes;
        _tally = new LoadWorkerTally(id, run.Options.Model == LoadModel.Open, run.Pool, publish);
    }

    public async Task<LoadWorkerResult> RunAsync()
    {
        try
        {
            if (_run.Schedule is { } schedule)
            {
                await RunOpenAsync(schedule).ConfigureAwait(false);
            }
            else
            {
                await RunClosedAsync().ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The loop's boundary: a bug here must cost one worker's remaining requests, not the run's report.
        catch (Exception)
#pragma warning restore CA1031
        {
            _tally.Error(_run.SecondOf(_run.TimeProvider.GetTimestamp()), LoadErrorKind.Read);
        }
        finally
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }

        return _tally.Finish();
    }

    /// <summary>Called by the run's watchdog: aborts the connection when its current request has overrun the timeout.</summary>
    public void CheckTimeout(long now)
    {
        var since = Volatile.Read(ref _busySince);
        if (since != 0 && now - since > _run.TimeoutTicks && Interlocked.Exchange(ref _timedOut, 1) == 0)
        {
            Volatile.Read(ref _connection)?.Abort();
        }
    }

    private async Task RunClosedAsync()
    {
        while (!_run.Stopping && _run.TryTake())
        {
            if (await EnsureConnectedAsync().ConfigureAwait(false))
            {
                await SendOneAsync(null).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOpenAsync(OpenSchedule schedule)
    {
        var time = _run.TimeProvider;
        for (long slot = _id; slot < _run.TotalSlots && !_run.Stopping; slot += _run.Workers)
        {
            var due = schedule.DueTimestamp(slot);
            var wait = due - time.GetTimestamp();
            if (wait > 0)
            {
                // Timer resolution is about 1 ms, so a request may leave up to that late; the corrected
                // latency then includes our lateness too, which errs on the honest side.
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / _run.Frequency), time, _run.StopToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (await EnsureConnectedAsync().ConfigureAwait(false))
            {
                await SendOneAsync(due).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one request and tallies it. <paramref name="due"/> is its scheduled time in the open model.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendOneAsync(long? due)
    {
        var time = _run.TimeProvider;
        var connection = _connection!;
        var sent = time.GetTimestamp();
        Volatile.Write(ref _busySince, sent);
        LoadResponse response;
        try
        {
            response = await connection.SendAsync(_request).ConfigureAwait(false);
        }
        catch (LoadException ex)
        {
            Volatile.Write(ref _busySince, 0);
            var kind = Interlocked.Exchange(ref _timedOut, 0) == 1 ? LoadErrorKind.Timeout : ex.Kind;
            _tally.Error(_run.SecondOf(time.GetTimestamp()), kind);
            await DropConnectionAsync().ConfigureAwait(false);
            return;
        }

        Volatile.Write(ref _busySince, 0);
        var ended = time.GetTimestamp();
        var second = _run.SecondOf(ended);
        _tally.Response(second, response.Status, response.Bytes);
        _tally.Completed(second, _run.Nanoseconds(ended - (due ?? sent)), _run.Nanoseconds(ended - sent));
        if (response.Close || Interlocked.Exchange(ref _timedOut, 0) == 1)
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> EnsureConnectedAsync()
    {
        if (_connection is not null)
        {
            return true;
        }

        var first = !_attempted;
        _attempted = true;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_run.StopToken);
            timeout.CancelAfter(_run.Options.Timeout);
            var connection = await LoadConnection.ConnectAsync(_endpoint.Address, _endpoint.Host, _endpoint.Tls, _run.Options.Insecure, timeout.Token)
                .ConfigureAwait(false);
            Volatile.Write(ref _connection, connection);
            _tally.Connected();
            _run.ReportConnected();
            _reconnectDelay = FirstReconnectDelay;
            return true;
        }
        catch (LoadException ex)
        {
            if (_run.Stopping && ex.InnerException is OperationCanceledException)
            {
                return false;
            }

            _tally.Error(_run.SecondOf(_run.TimeProvider.GetTimestamp()), LoadErrorKind.Connect);
            if (first)
            {
                _run.ReportFirstConnectFailed();
            }

            try
            {
                await Task.Delay(_reconnectDelay, _run.TimeProvider, _run.StopToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The run ended while we waited to retry.
            }

            _reconnectDelay = TimeSpan.FromTicks(Math.Min(_reconnectDelay.Ticks * 2, MaxReconnectDelay.Ticks));
            return false;
        }
    }

    private async ValueTask DropConnectionAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
