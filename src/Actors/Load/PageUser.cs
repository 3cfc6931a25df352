namespace Crawler.Actors.Load;

/// <summary>
/// A page-mode virtual user: each iteration fetches the page, then all its requisites over at most
/// <see cref="LoadOptions.PageConnectionsPerHost"/> keep-alive connections per origin, as a browser would,
/// and records the page-complete time. A failed page or requisite is counted and the iteration goes on.
/// </summary>
internal sealed class PageUser : ILoadLoop
{
    private readonly LoadRunContext _run;
    private readonly PagePlan _plan;
    private readonly LoadWorkerTally _tally;
    private readonly PageLane[][] _lanes;
    private readonly PageLane[] _allLanes;

    public PageUser(int id, LoadRunContext run, PagePlan plan, Action<LoadIntervalSnapshot> publish)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        _run = run;
        _plan = plan;
        _tally = new LoadWorkerTally(id, trackUncorrected: false, run.Pool, publish);
        _lanes = new PageLane[plan.Origins.Count][];
        for (var o = 0; o < _lanes.Length; o++)
        {
            var resources = plan.Requisites.Count(r => r.Origin == o) + (o == plan.Page.Origin ? 1 : 0);
            var count = Math.Clamp(resources, 1, LoadOptions.PageConnectionsPerHost);
            _lanes[o] = Enumerable.Range(0, count).Select(_ => new PageLane(plan.Origins[o], run)).ToArray();
        }

        // Requisites are dealt round-robin over their origin's lanes once; every iteration repeats the deal.
        var next = new int[_lanes.Length];
        foreach (var r in plan.Requisites)
        {
            _lanes[r.Origin][next[r.Origin]++ % _lanes[r.Origin].Length].Assigned.Add(r);
        }

        _allLanes = _lanes.SelectMany(l => l).ToArray();
    }

    public async Task<LoadWorkerResult> RunAsync()
    {
        var time = _run.TimeProvider;
        var fetches = new Task[_allLanes.Length];
        try
        {
            while (!_run.Stopping && _run.TryTake())
            {
                var started = time.GetTimestamp();
                var (page, pageError) = await _lanes[_plan.Page.Origin][0].FetchAsync(_plan.Page).ConfigureAwait(false);
                var second = _run.SecondOf(time.GetTimestamp());
                if (pageError is { } kind)
                {
                    _tally.Error(second, kind);
                    continue;
                }

                _tally.Response(second, page.Status, page.Bytes);
                for (var i = 0; i < _allLanes.Length; i++)
                {
                    _allLanes[i].Outcomes.Clear();
                    fetches[i] = _allLanes[i].FetchAssignedAsync();
                }

                await Task.WhenAll(fetches).ConfigureAwait(false);
                var ended = time.GetTimestamp();
                second = _run.SecondOf(ended);
                foreach (var lane in _allLanes)
                {
                    foreach (var (response, error) in lane.Outcomes)
                    {
                        if (error is { } e)
                        {
                            _tally.Error(second, e);
                        }
                        else
                        {
                            _tally.Response(second, response.Status, response.Bytes);
                        }
                    }
                }

                _tally.Completed(second, _run.Nanoseconds(ended - started), 0);
            }
        }
#pragma warning disable CA1031 // The loop's boundary: a bug here must cost one user's remaining pages, not the run's report.
        catch (Exception)
#pragma warning restore CA1031
        {
            _tally.Error(_run.SecondOf(time.GetTimestamp()), LoadErrorKind.Read);
        }
        finally
        {
            foreach (var lane in _allLanes)
            {
                await lane.DropAsync().ConfigureAwait(false);
            }
        }

        _tally.Connected(_allLanes.Sum(l => l.ConnectionsOpened));

        return _tally.Finish();
    }

    public void CheckTimeout(long now)
    {
        foreach (var lane in _allLanes)
        {
            lane.CheckTimeout(now);
        }
    }
}
