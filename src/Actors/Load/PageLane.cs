namespace Crawler.Actors.Load;

/// <summary>
/// One of a virtual user's connections to one origin (a browser keeps up to 6 per host): fetches its share
/// of an iteration's resources in order, reconnecting after a failure, and keeps the outcomes for the user
/// to tally once the iteration is complete (the user's tally has a single owner).
/// </summary>
internal sealed class PageLane
{
    private readonly LoadEndpoint _endpoint;
    private readonly LoadRunContext _run;
    private LoadConnection? _connection;
    private long _busySince;
    private int _timedOut;

    public PageLane(LoadEndpoint endpoint, LoadRunContext run)
    {
        _endpoint = endpoint;
        _run = run;
    }

    /// <summary>This iteration's resources for this lane.</summary>
    public List<PageResource> Assigned { get; } = [];

    /// <summary>Per fetched resource: the response, or the error kind when it failed.</summary>
    public List<(LoadResponse Response, LoadErrorKind? Error)> Outcomes { get; } = [];

    public long ConnectionsOpened { get; private set; }

    public async Task FetchAssignedAsync()
    {
        foreach (var resource in Assigned)
        {
            Outcomes.Add(await FetchAsync(resource).ConfigureAwait(false));
        }
    }

    public async ValueTask<(LoadResponse Response, LoadErrorKind? Error)> FetchAsync(PageResource resource)
    {
        try
        {
            if (_connection is null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_run.StopToken);
                timeout.CancelAfter(_run.Options.Timeout);
                var connection = await LoadConnection.ConnectAsync(_endpoint.Address, _endpoint.Host, _endpoint.Tls, _run.Options.Insecure, timeout.Token)
                    .ConfigureAwait(false);
                Volatile.Write(ref _connection, connection);
                ConnectionsOpened++;
                _run.ReportConnected();
            }

            Volatile.Write(ref _busySince, _run.TimeProvider.GetTimestamp());
            var response = await _connection.SendAsync(resource.Request.Bytes).ConfigureAwait(false);
            Volatile.Write(ref _busySince, 0);
            if (response.Close)
            {
                await DropAsync().ConfigureAwait(false);
            }

            return (response, null);
        }
        catch (LoadException ex)
        {
            Volatile.Write(ref _busySince, 0);
            var kind = Interlocked.Exchange(ref _timedOut, 0) == 1 ? LoadErrorKind.Timeout : ex.Kind;
            await DropAsync().ConfigureAwait(false);
            return (default, kind);
        }
    }

    public void CheckTimeout(long now)
    {
        var since = Volatile.Read(ref _busySince);
        if (since != 0 && now - since > _run.TimeoutTicks && Interlocked.Exchange(ref _timedOut, 1) == 0)
        {
            Volatile.Read(ref _connection)?.Abort();
        }
    }

    public async ValueTask DropAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
