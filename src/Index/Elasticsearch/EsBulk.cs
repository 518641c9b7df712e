using System.Buffers;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocIntel.Index.Elasticsearch;

internal enum BulkVerb
{
    Index,
    Delete,
    Update,
}

/// <summary>One bulk operation. <see cref="Source"/> is a document record, or the raw JSON bytes of an update body.</summary>
internal readonly record struct BulkOp(BulkVerb Verb, string Index, string Id, object? Source);

internal enum BulkItemState
{
    Acknowledged,

    /// <summary>Elasticsearch refused the item for good (a mapping error, a document too large): retrying cannot help.</summary>
    Rejected,

    /// <summary>Still 429/5xx after every item retry.</summary>
    Unavailable,
}

internal readonly record struct BulkItemOutcome(BulkItemState State, int Status, string? Reason);

/// <summary>Writes NDJSON bulk bodies: an action line and (except for deletes) a source line, each ending in '\n'.</summary>
internal static class BulkRequestWriter
{
    /// <summary>No \u escapes for Vietnamese letters: a body is 2–6× smaller and cheaper to build.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(Utf8JsonWriter json, IBufferWriter<byte> buffer, in BulkOp op)
    {
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteStartObject(op.Verb switch { BulkVerb.Index => "index", BulkVerb.Delete => "delete", _ => "update" });
        json.WriteString("_index", op.Index);
        json.WriteString("_id", op.Id);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        NewLine(buffer);
        if (op.Verb == BulkVerb.Delete) return;
        json.Reset(buffer);
        switch (op.Source)
        {
            case EsDocumentSource d: JsonSerializer.Serialize(json, d, EsJson.Default.EsDocumentSource); break;
            case EsCitationSource c: JsonSerializer.Serialize(json, c, EsJson.Default.EsCitationSource); break;
            case EsFileSource f: JsonSerializer.Serialize(json, f, EsJson.Default.EsFileSource); break;
            case EsPathSource p: JsonSerializer.Serialize(json, p, EsJson.Default.EsPathSource); break;
            case byte[] raw: json.Flush(); buffer.Write(raw); break;
            default: throw new ArgumentException($"cannot write a bulk source of type {op.Source?.GetType().Name ?? "null"}");
        }
        json.Flush();
        NewLine(buffer);
    }

    private static void NewLine(IBufferWriter<byte> buffer)
    {
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }
}

/// <summary>Reads a bulk answer into one outcome per item, in request order.</summary>
internal static class BulkResponseReader
{
    public static BulkResponse Parse(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize(body, EsJson.Default.BulkResponse) ?? throw new ElasticsearchException("empty bulk answer");

    /// <summary>
    /// The common answer, read without materialising it: <c>"errors": false</c> means every item succeeded (the bulk
    /// API's contract), so only the item count is checked. Anything else goes through <see cref="Parse"/> and
    /// <see cref="Judge"/> item by item.
    /// </summary>
    public static bool TryAllAcknowledged(ReadOnlySpan<byte> body, int expectedItems)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        bool? errors = null;
        var items = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                errors = reader.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
            }
            else if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) return false;
                items = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                    items++;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return errors == false && items == expectedItems;
    }

    /// <summary>True for items worth sending again alone: 429 (queue full) and 5xx (shard unavailable, node left).</summary>
    public static bool IsRetryable(int status) => status == 429 || status >= 500;

    public static BulkItemOutcome Judge(BulkVerb verb, BulkItemResult item)
    {
        if (item.Status is >= 200 and < 300) return new(BulkItemState.Acknowledged, item.Status, null);
        // Deleting what is not there is what a delete wants.
        if (verb == BulkVerb.Delete && item.Status == (int)HttpStatusCode.NotFound) return new(BulkItemState.Acknowledged, item.Status, null);
        var reason = item.Error?.ToString() ?? $"status {item.Status}";
        return new(IsRetryable(item.Status) ? BulkItemState.Unavailable : BulkItemState.Rejected, item.Status, reason);
    }
}

/// <summary>
/// Sends bulk operations: batches bounded by bytes and count, a bounded number in flight, each item's answer read.
/// Items answered 429/5xx are sent again alone (not their whole batch) after a jittered exponential back-off; items
/// refused for good come back as <see cref="BulkItemState.Rejected"/> with Elasticsearch's reason.
/// </summary>
internal sealed class BulkIndexer(EsTransport transport, TimeProvider time, Random jitter)
{
    private readonly ElasticsearchOptions _o = transport.Options;

    public async Task<BulkItemOutcome[]> RunAsync(IReadOnlyList<BulkOp> ops, CancellationToken ct)
    {
        var outcomes = new BulkItemOutcome[ops.Count];
        var pending = Enumerable.Range(0, ops.Count).ToList();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var retry = await SendAllAsync(ops, pending, outcomes, ct).ConfigureAwait(false);
            if (retry.Count == 0) break;
            if (attempt >= _o.MaxItemRetries) break;
            transport.Stats.ItemRetry(retry.Count);
            await Task.Delay(Backoff(attempt), time, ct).ConfigureAwait(false);
            pending = retry;
        }
        return outcomes;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exp = _o.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(exp, _o.MaxDelay.TotalMilliseconds);
        double factor;
        lock (jitter) factor = 0.5 + jitter.NextDouble(); // 50–150 %: retries of many writers spread out
        return TimeSpan.FromMilliseconds(capped * factor);
    }

    /// <summary>Sends the pending items once; returns those to retry.</summary>
    private async Task<List<int>> SendAllAsync(IReadOnlyList<BulkOp> ops, List<int> pending, BulkItemOutcome[] outcomes, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(_o.MaxConcurrentRequests);
        var inflight = new List<Task<List<int>>>();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var members = new List<int>();
        using var json = new Utf8JsonWriter(buffer, BulkRequestWriter.WriterOptions);
        foreach (var i in pending)
        {
            BulkRequestWriter.Write(json, buffer, ops[i]);
            members.Add(i);
            if (buffer.WrittenCount >= _o.MaxBatchBytes || members.Count >= _o.MaxBatchOperations)
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                inflight.Add(SendBatchAsync(ops, buffer.WrittenMemory, members, outcomes, gate, ct));
                buffer = new ArrayBufferWriter<byte>(64 * 1024);
                members = [];
            }
        }
        if (members.Count > 0)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            inflight.Add(SendBatchAsync(ops, buffer.WrittenMemory, members, outcomes, gate, ct));
        }
        // Every batch ends (and releases the gate) before an error of one of them is passed on.
        var all = Task.WhenAll(inflight);
        try
        {
            await all.ConfigureAwait(false);
        }
        catch when (all.Exception is { InnerExceptions.Count: > 0 } e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return inflight.SelectMany(t => t.Result).ToList();
    }

    private async Task<List<int>> SendBatchAsync(IReadOnlyList<BulkOp> ops, ReadOnlyMemory<byte> body, List<int> members, BulkItemOutcome[] outcomes, SemaphoreSlim gate, CancellationToken ct)
    {
        try
        {
            var r = await transport.SendAsync(HttpMethod.Post, "_bulk", body, EsTransport.NdJson, ct).ConfigureAwait(false);
            EsTransport.EnsureSuccess(r, HttpMethod.Post, "_bulk");
            if (BulkResponseReader.TryAllAcknowledged(r.Body, members.Count))
            {
                foreach (var i in members) outcomes[i] = new BulkItemOutcome(BulkItemState.Acknowledged, 200, null);
                return [];
            }
            var parsed = BulkResponseReader.Parse(r.Body);
            if (parsed.Items.Count != members.Count)
                throw new ElasticsearchException($"bulk answer has {parsed.Items.Count} items for {members.Count} operations");
            var retry = new List<int>();
            for (var k = 0; k < members.Count; k++)
            {
                var i = members[k];
                var item = parsed.Items[k].Values.First();
                var outcome = BulkResponseReader.Judge(ops[i].Verb, item);
                outcomes[i] = outcome;
                if (outcome.State == BulkItemState.Unavailable) retry.Add(i);
            }
            return retry;
        }
        finally
        {
            gate.Release();
        }
    }
}
