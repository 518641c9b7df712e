namespace DocIntel.Ingest.Bulk;

/// <summary>
/// Bounds the bytes of file content in flight between the reader and the workers, so memory stays flat whatever the
/// archive holds. A file larger than the whole budget waits until nothing else is in flight, then goes alone.
/// </summary>
internal sealed class ByteBudget(long capacity)
{
    private readonly object _lock = new();
    private long _used;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task WaitAsync(long bytes, CancellationToken cancellationToken)
    {
        bytes = Math.Min(bytes, capacity);
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_used == 0 || _used + bytes <= capacity)
                {
                    _used += bytes;
                    return;
                }
                wait = _released.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Release(long bytes)
    {
        bytes = Math.Min(bytes, capacity);
        TaskCompletionSource old;
        lock (_lock)
        {
            _used -= bytes;
            old = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }
}
