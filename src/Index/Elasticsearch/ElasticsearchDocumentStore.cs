using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DocIntel.Extract.Citations;
using DocIntel.Extract.Symbols;
using DocIntel.Index.Sqlite;
using DocIntel.Index.Store;

namespace DocIntel.Index.Elasticsearch;

/// <summary>
/// The scale-out store: Elasticsearch 8.x/9.x over its REST API. Same contract as the embedded store
/// (<c>DocumentStoreContract</c>): the ledger (files, paths) lives in two small indices, documents and citation edges in
/// two more (see <see cref="EsIndexDesign"/>). Writes go through the bulk API; nothing is marked done in the ledger
/// before Elasticsearch acknowledged the file's documents. Reads that search refresh first when this process wrote
/// since the last refresh, so a caller reads its own writes as with SQLite; gets by id are real-time anyway.
/// </summary>
/// <remarks>
/// Elasticsearch has no transactions. A batch is validated before anything is sent, then written in an order that a
/// crash at any point leaves resumable: documents and citations (ids derived from content, so a rerun overwrites, never
/// duplicates), then paths and the file's status. A rerun of the same load therefore ends with the store a clean run gives.
/// </remarks>
public sealed class ElasticsearchDocumentStore : IDocumentStore
{
    private readonly EsTransport _t;
    private readonly BulkIndexer _bulk;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _dirty;

    public ElasticsearchDocumentStore(ElasticsearchOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _t = new EsTransport(options, handler ?? EsConnection.CreateHandler(options), time ?? TimeProvider.System);
        _bulk = new BulkIndexer(_t, time ?? TimeProvider.System, jitter ?? new Random());
        Design = new EsIndexDesign(options.IndexPrefix);
    }

    public EsIndexDesign Design { get; }

    public ElasticsearchOptions Options => _t.Options;

    /// <summary>Requests, retries, item retries and circuit openings so far.</summary>
    public EsTransportStats Stats => _t.Stats;

    /// <summary>Where the store is, for messages (no credentials).</summary>
    public string Where => _t.Where;

    internal EsTransport Transport => _t;

    // ---- setup -------------------------------------------------------------------------------------------------

    /// <summary>Checks the version, installs (or updates) the index templates and creates any missing index behind its alias.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var info = await _t.RequestAsync(HttpMethod.Get, "", null, EsJson.Default.InfoResponse, cancellationToken).ConfigureAwait(false);
        var version = info.Version?.Number ?? "?";
        if (!int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) || major < 8)
            throw new ElasticsearchException($"Elasticsearch at {Where} is version {version}; DocIntel needs 8.x or 9.x");
        foreach (var kind in EsIndexDesign.Kinds)
        {
            var put = await _t.SendJsonAsync(HttpMethod.Put, "_index_template/" + Design.Template(kind), EsQueryDsl.Bytes(Design.TemplateBody(kind)), cancellationToken).ConfigureAwait(false);
            EsTransport.EnsureSuccess(put, HttpMethod.Put, "_index_template/" + Design.Template(kind));
            var alias = await _t.SendJsonAsync(HttpMethod.Get, "_alias/" + Design.Alias(kind), null, cancellationToken).ConfigureAwait(false);
            if (alias.IsSuccess) continue;
            if (alias.Status != System.Net.HttpStatusCode.NotFound) EsTransport.EnsureSuccess(alias, HttpMethod.Get, "_alias/" + Design.Alias(kind));
            await CreateIndexAsync(kind, 1, withAlias: true, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task CreateIndexAsync(EsIndexKind kind, int generation, bool withAlias, CancellationToken ct)
    {
        var body = new JsonObject();
        if (withAlias) body["aliases"] = new JsonObject { [Design.Alias(kind)] = new JsonObject { ["is_write_index"] = true } };
        var name = Design.IndexName(kind, generation);
        var r = await _t.SendJsonAsync(HttpMethod.Put, name, EsQueryDsl.Bytes(body), ct).ConfigureAwait(false);
        // Two processes starting at once: the second finds the index made.
        if (r.Status == System.Net.HttpStatusCode.BadRequest && EsTransport.ParseError(r).Type == "resource_already_exists_exception") return;
        EsTransport.EnsureSuccess(r, HttpMethod.Put, name);
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    public async Task WriteAsync(IReadOnlyList<LedgerWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        foreach (var item in batch)
        {
            if (item is not (StoreFile or FailFile or SeenFile or ForgetPath))
                throw new ArgumentException($"unknown ledger write {item.GetType().Name}", nameof(batch));
        }
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteValidatedAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static string ShaOf(LedgerWrite w) => w switch
    {
        StoreFile s => s.File.Sha256,
        FailFile f => f.File.Sha256,
        SeenFile s => s.File.Sha256,
        _ => "",
    };

    private async Task WriteValidatedAsync(IReadOnlyList<LedgerWrite> batch, CancellationToken ct)
    {
        // 1. What the ledger holds now (real-time gets: no refresh needed).
        var shas = batch.Where(w => w is not ForgetPath).Select(ShaOf).Distinct(StringComparer.Ordinal).ToList();
        var files = await GetFilesAsync(shas, ct).ConfigureAwait(false);
        var paths = await GetPathsAsync(batch.Select(w => w.Path).Distinct(StringComparer.Ordinal).ToList(), ct).ConfigureAwait(false);

        // 2. The batch applied in order, in memory, as the embedded store applies it in a transaction.
        var fileWrites = new Dictionary<string, EsFileSource>(StringComparer.Ordinal);
        var pathWrites = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lostPath = new HashSet<string>(StringComparer.Ordinal);
        var stores = new Dictionary<string, StoreFile>(StringComparer.Ordinal);
        var replace = new HashSet<string>(StringComparer.Ordinal);
        void SetPath(string path, string sha)
        {
            if (paths.TryGetValue(path, out var old) && old == sha) return;
            paths[path] = sha;
            pathWrites[path] = sha;
            if (old is not null) lostPath.Add(old);
        }
        foreach (var item in batch)
        {
            switch (item)
            {
                case StoreFile s:
                    SetPath(s.File.Path, s.File.Sha256);
                    if (files.ContainsKey(s.File.Sha256) || stores.ContainsKey(s.File.Sha256)) replace.Add(s.File.Sha256);
                    stores[s.File.Sha256] = s;
                    files[s.File.Sha256] = fileWrites[s.File.Sha256] = FileSource(s.File, FileStatus.Done, null, s.Documents.Count);
                    break;
                case FailFile f:
                    SetPath(f.File.Path, f.File.Sha256);
                    // Content already stored stays stored: a later failure to read it again loses nothing.
                    if (!files.TryGetValue(f.File.Sha256, out var known) || known.Status != "done")
                        files[f.File.Sha256] = fileWrites[f.File.Sha256] = FileSource(f.File, FileStatus.Failed, f.Reason, 0);
                    break;
                case SeenFile seen:
                    SetPath(seen.File.Path, seen.File.Sha256);
                    break;
                case ForgetPath forget:
                    if (paths.TryGetValue(forget.Missing, out var was) && was is not null) lostPath.Add(was);
                    paths[forget.Missing] = null;
                    pathWrites[forget.Missing] = null;
                    break;
            }
        }

        // Contents that lost a path to a content outside this batch: their ledger lines decide whether the sweep must look.
        var unknown = lostPath.Where(sha => !files.ContainsKey(sha)).ToList();
        if (unknown.Count > 0)
        {
            foreach (var (sha, f) in await GetFilesAsync(unknown, ct).ConfigureAwait(false)) files[sha] = f;
        }

        // 3. Documents and citations first; a file whose items Elasticsearch refuses becomes a ledger failure.
        if (replace.Count > 0) await DeleteContentAsync(replace, ct).ConfigureAwait(false);
        var ops = new List<BulkOp>();
        var owner = new List<string>();
        foreach (var (sha, s) in stores)
        {
            foreach (var d in s.Indexed)
            {
                ops.Add(new BulkOp(BulkVerb.Index, Design.Documents, d.Id, DocumentSource(d)));
                owner.Add(sha);
                foreach (var c in d.Citations)
                {
                    ops.Add(new BulkOp(BulkVerb.Index, Design.Citations, CitationId(d.Id, c.Seq), CitationSource(d, c)));
                    owner.Add(sha);
                }
            }
        }
        var cleanup = new List<BulkOp>();
        if (ops.Count > 0)
        {
            _dirty = 1;
            var outcomes = await _bulk.RunAsync(ops, ct).ConfigureAwait(false);
            var unavailable = outcomes.Select((o, i) => (o, i)).Where(x => x.o.State == BulkItemState.Unavailable).ToList();
            if (unavailable.Count > 0)
                throw new ElasticsearchUnavailableException(
                    $"Elasticsearch at {Where} still refused {unavailable.Count} of {ops.Count} items after {Options.MaxItemRetries} retries (e.g. {ops[unavailable[0].i].Id}: {unavailable[0].o.Status} {unavailable[0].o.Reason}). {EsTransport.Resume}");
            foreach (var group in outcomes.Select((o, i) => (o, i)).Where(x => x.o.State == BulkItemState.Rejected).GroupBy(x => owner[x.i], StringComparer.Ordinal))
            {
                var first = group.First();
                var s = stores[group.Key];
                var reason = $"Elasticsearch refused document {ops[first.i].Id}: {first.o.Reason}";
                files[group.Key] = fileWrites[group.Key] = FileSource(s.File, FileStatus.Failed, reason, 0);
                for (var i = 0; i < ops.Count; i++)
                {
                    if (owner[i] == group.Key && outcomes[i].State == BulkItemState.Acknowledged) cleanup.Add(ops[i] with { Verb = BulkVerb.Delete, Source = null });
                }
            }
        }

        // 4. The ledger last: paths, then each file's status. A file whose path went elsewhere is checked by the sweep.
        var ledger = new List<BulkOp>(cleanup);
        foreach (var (path, sha) in pathWrites)
            ledger.Add(sha is null ? new BulkOp(BulkVerb.Delete, Design.Paths, PathId(path), null) : new BulkOp(BulkVerb.Index, Design.Paths, PathId(path), new EsPathSource { Path = path, Sha256 = sha }));
        foreach (var sha in lostPath)
        {
            if (fileWrites.TryGetValue(sha, out var fw)) fw.CheckOrphan = true;
            else if (files.TryGetValue(sha, out var known) && !known.CheckOrphan) ledger.Add(new BulkOp(BulkVerb.Update, Design.Files, sha, CheckOrphanUpdate));
        }
        foreach (var (sha, f) in fileWrites)
        {
            if (!f.CheckOrphan && files.TryGetValue(sha, out var prior) && prior.CheckOrphan) f.CheckOrphan = true;
            ledger.Add(new BulkOp(BulkVerb.Index, Design.Files, sha, f));
        }
        if (ledger.Count == 0) return;
        _dirty = 1;
        var results = await _bulk.RunAsync(ledger, ct).ConfigureAwait(false);
        for (var i = 0; i < results.Length; i++)
        {
            var r = results[i];
            // An update of a file line that a concurrent sweep removed is moot.
            if (r.State == BulkItemState.Rejected && ledger[i].Verb == BulkVerb.Update && r.Status == 404) continue;
            if (r.State == BulkItemState.Unavailable)
                throw new ElasticsearchUnavailableException($"Elasticsearch at {Where} did not acknowledge ledger item {ledger[i].Id}: {r.Status} {r.Reason}. {EsTransport.Resume}");
            if (r.State == BulkItemState.Rejected)
                throw new ElasticsearchException($"Elasticsearch refused ledger item {ledger[i].Index}/{ledger[i].Id}: {r.Reason}");
        }
    }

    private static readonly byte[] CheckOrphanUpdate = "{\"doc\":{\"check_orphan\":true}}"u8.ToArray();

    private static EsFileSource FileSource(FileRecord file, FileStatus status, string? reason, int documents) => new()
    {
        Sha256 = file.Sha256, Path = file.Path, Size = file.Size, Status = status.ToString().ToLowerInvariant(), Reason = reason,
        Documents = documents, ReadMs = file.Timings?.ReadMs, PipelineMs = file.Timings?.PipelineMs, Pages = file.Timings?.Pages,
        OcrPages = file.Timings?.OcrPages, UpdatedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>A path can be longer than an _id may be (512 bytes): its id is its SHA-256.</summary>
    internal static string PathId(string path) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)));

    internal static string CitationId(string docId, int seq) => docId + "/" + seq.ToString(CultureInfo.InvariantCulture);

    internal static EsDocumentSource DocumentSource(IndexedDocument d) => new()
    {
        Id = d.Id, Sha256 = d.Sha256, Part = d.Part, Path = d.Path, DocType = d.DocType, Number = d.Number, SymKey = d.SymbolKey,
        IssuedDate = d.IssuedDate, IssuedYear = d.IssuedDate?[..4], IssuedMonth = d.IssuedDate?[..7], Place = d.Place,
        IssuerName = d.IssuerName, IssuerKey = d.IssuerKey, IssuerParent = d.IssuerParent, Level = d.Level, Province = d.Province,
        ProvinceKey = d.ProvinceKey, District = d.District, Commune = d.Commune, Subject = d.Subject, SignerName = d.SignerName,
        Json = d.Json, Text = d.Text, Cites = d.Citations.SelectMany(EsQueryDsl.CitesKeys).Distinct(StringComparer.Ordinal).ToList(),
        CitationCount = d.Citations.Count,
    };

    internal static EsCitationSource CitationSource(IndexedDocument d, IndexedCitation c) => new()
    {
        DocId = d.Id, Seq = c.Seq, Sha256 = d.Sha256, Key = c.Key, BaseKey = c.BaseKey, Number = c.Number, Num = c.Num, Year = c.Year,
        Type = c.Type, TypeFolded = c.TypeFolded, Title = c.Title, Relation = c.Relation, CitedDate = c.Date, CitedIssuer = c.Issuer,
        Citing = new EsCiting
        {
            DocType = d.DocType, Number = d.Number, IssuedDate = d.IssuedDate, IssuedYear = d.IssuedDate?[..4], IssuedMonth = d.IssuedDate?[..7],
            IssuerName = d.IssuerName, IssuerKey = d.IssuerKey, Level = d.Level, Province = d.Province, ProvinceKey = d.ProvinceKey,
            District = d.District, Commune = d.Commune,
        },
    };

    /// <summary>Removes every document and citation of these contents (before they are stored again, or when orphaned).</summary>
    private async Task DeleteContentAsync(IReadOnlyCollection<string> shas, CancellationToken ct)
    {
        await RefreshAsync([Design.Documents, Design.Citations], ct).ConfigureAwait(false);
        foreach (var chunk in shas.Chunk(1000))
        {
            var body = EsQueryDsl.Bytes(new JsonObject { ["query"] = EsQueryDsl.Terms("sha256", chunk) });
            var path = $"{Design.Documents},{Design.Citations}/_delete_by_query?conflicts=proceed&refresh=true";
            var r = await _t.RequestAsync(HttpMethod.Post, path, body, EsJson.Default.DeleteByQueryResponse, ct).ConfigureAwait(false);
            if (r.Failures.Count > 0) throw new ElasticsearchException($"delete by query left {r.Failures.Count} failures: {r.Failures[0]}");
        }
        _dirty = 1;
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshAsync([Design.Files, Design.Paths], cancellationToken).ConfigureAwait(false);
            var candidates = (await SearchAllAsync(Design.Files, EsQueryDsl.Term("check_orphan", true), EsQueryDsl.Sort(("sha256", "asc", null)), null, cancellationToken).ConfigureAwait(false))
                .Select(h => h.Source.Deserialize(EsJson.Default.EsFileSource)!).ToList();
            var removed = 0;
            foreach (var chunk in candidates.Chunk(500))
            {
                var held = (await SearchAllAsync(Design.Paths, EsQueryDsl.Terms("sha256", chunk.Select(c => c.Sha256)), EsQueryDsl.Sort(("path", "asc", null)), null, cancellationToken).ConfigureAwait(false))
                    .Select(h => h.Source.Deserialize(EsJson.Default.EsPathSource)!)
                    .GroupBy(p => p.Sha256, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Path).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
                var orphans = chunk.Where(c => !held.ContainsKey(c.Sha256)).Select(c => c.Sha256).ToList();
                if (orphans.Count > 0) await DeleteContentAsync(orphans, cancellationToken).ConfigureAwait(false);
                var ops = orphans.Select(sha => new BulkOp(BulkVerb.Delete, Design.Files, sha, null)).ToList();
                foreach (var file in chunk.Where(c => held.ContainsKey(c.Sha256)))
                {
                    var its = held[file.Sha256];
                    if (!its.Contains(file.Path, StringComparer.Ordinal)) file.Path = its[0];
                    file.CheckOrphan = false;
                    ops.Add(new BulkOp(BulkVerb.Index, Design.Files, file.Sha256, file));
                    ops.AddRange(await MoveDocumentsAsync(file.Sha256, its, cancellationToken).ConfigureAwait(false));
                }
                await RunLedgerBulkAsync(ops, cancellationToken).ConfigureAwait(false);
                removed += orphans.Count;
            }
            if (candidates.Count > 0) _dirty = 1;
            return removed;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Documents of a content whose path is no longer one of its paths take the first remaining one (as the embedded store).</summary>
    private async Task<List<BulkOp>> MoveDocumentsAsync(string sha, List<string> paths, CancellationToken ct)
    {
        await RefreshAsync([Design.Documents], ct).ConfigureAwait(false);
        var query = EsQueryDsl.Bool(filter: [EsQueryDsl.Term("sha256", sha)], mustNot: [EsQueryDsl.Terms("path", paths)]);
        var hits = await SearchAllAsync(Design.Documents, query, EsQueryDsl.Sort(("id", "asc", null)), null, ct).ConfigureAwait(false);
        return hits.Select(h =>
        {
            var d = h.Source.Deserialize(EsJson.Default.EsDocumentSource)!;
            d.Path = paths[0];
            return new BulkOp(BulkVerb.Index, Design.Documents, d.Id, d);
        }).ToList();
    }

    private async Task RunLedgerBulkAsync(List<BulkOp> ops, CancellationToken ct)
    {
        if (ops.Count == 0) return;
        _dirty = 1;
        var results = await _bulk.RunAsync(ops, ct).ConfigureAwait(false);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].State == BulkItemState.Unavailable)
                throw new ElasticsearchUnavailableException($"Elasticsearch at {Where} did not acknowledge {ops[i].Index}/{ops[i].Id}: {results[i].Reason}. {EsTransport.Resume}");
            if (results[i].State == BulkItemState.Rejected)
                throw new ElasticsearchException($"Elasticsearch refused {ops[i].Index}/{ops[i].Id}: {results[i].Reason}");
        }
    }

    // ---- reading: helpers --------------------------------------------------------------------------------------

    /// <summary>Makes this process's writes visible to search (only when it wrote since the last refresh).</summary>
    private async Task EnsureFreshAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 0) return;
        await RefreshAsync([Design.Documents, Design.Citations, Design.Files, Design.Paths], ct).ConfigureAwait(false);
    }

    private async Task RefreshAsync(IEnumerable<string> aliases, CancellationToken ct)
    {
        var path = string.Join(',', aliases) + "/_refresh";
        var r = await _t.SendJsonAsync(HttpMethod.Post, path, null, ct).ConfigureAwait(false);
        EsTransport.EnsureSuccess(r, HttpMethod.Post, path);
    }

    private async Task<Dictionary<string, JsonElement>> MgetAsync(string alias, IReadOnlyCollection<string> ids, string[]? includes, CancellationToken ct)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            var body = new JsonObject { ["ids"] = EsQueryDsl.Strings(chunk) };
            var path = alias + "/_mget" + (includes is null ? "" : "?_source_includes=" + string.Join(',', includes));
            var r = await _t.RequestAsync(HttpMethod.Post, path, EsQueryDsl.Bytes(body), EsJson.Default.MgetResponse, ct).ConfigureAwait(false);
            foreach (var d in r.Docs)
            {
                if (d.Error is { } e) throw new ElasticsearchException($"multi-get from {alias} failed for {d.Id}: {e}");
                if (d.Found) found[d.Id] = d.Source;
            }
        }
        return found;
    }

    private async Task<Dictionary<string, EsFileSource>> GetFilesAsync(IReadOnlyCollection<string> shas, CancellationToken ct)
    {
        if (shas.Count == 0) return new(StringComparer.Ordinal);
        var got = await MgetAsync(Design.Files, shas, null, ct).ConfigureAwait(false);
        return got.ToDictionary(kv => kv.Key, kv => kv.Value.Deserialize(EsJson.Default.EsFileSource)!, StringComparer.Ordinal);
    }

    /// <summary>path → content held (null: not remembered).</summary>
    private async Task<Dictionary<string, string?>> GetPathsAsync(IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (paths.Count == 0) return result;
        var byId = paths.ToDictionary(PathId, p => p, StringComparer.Ordinal);
        var got = await MgetAsync(Design.Paths, byId.Keys, null, ct).ConfigureAwait(false);
        foreach (var (id, source) in got)
        {
            var p = source.Deserialize(EsJson.Default.EsPathSource)!;
            result[byId[id]] = p.Sha256;
        }
        return result;
    }

    private JsonObject SearchBody(JsonNode query, JsonArray sort, string[]? includes, int size)
    {
        var body = new JsonObject { ["size"] = size, ["query"] = query.DeepClone(), ["sort"] = sort.DeepClone(), ["track_total_hits"] = false };
        if (includes is not null) body["_source"] = EsQueryDsl.Strings(includes);
        return body;
    }

    /// <summary>
    /// Every hit of a query, in the sort's order: one plain request when the result fits a page, otherwise a point in
    /// time walked with search_after (never <c>from</c>, which stops at 10,000).
    /// </summary>
    internal async Task<List<SearchHitJson>> SearchAllAsync(string alias, JsonNode query, JsonArray sort, string[]? includes, CancellationToken ct)
    {
        var list = new List<SearchHitJson>();
        await foreach (var h in WalkAsync(alias, query, sort, includes, ct).ConfigureAwait(false)) list.Add(h);
        return list;
    }

    internal async IAsyncEnumerable<SearchHitJson> WalkAsync(string alias, JsonNode query, JsonArray sort, string[]? includes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var size = Options.PageSize;
        var first = await _t.RequestAsync(HttpMethod.Post, alias + "/_search", EsQueryDsl.Bytes(SearchBody(query, sort, includes, size)), EsJson.Default.SearchResponse, ct).ConfigureAwait(false);
        if (first.Hits.Hits.Count < size)
        {
            foreach (var h in first.Hits.Hits) yield return h;
            yield break;
        }
        var pit = await _t.RequestAsync(HttpMethod.Post, alias + "/_pit?keep_alive=" + Options.PointInTimeKeepAlive, null, EsJson.Default.PitResponse, ct).ConfigureAwait(false);
        var pitId = pit.Id;
        try
        {
            JsonNode? after = null;
            while (true)
            {
                var body = SearchBody(query, sort, includes, size);
                body["pit"] = new JsonObject { ["id"] = pitId, ["keep_alive"] = Options.PointInTimeKeepAlive };
                if (after is not null) body["search_after"] = after;
                var page = await _t.RequestAsync(HttpMethod.Post, "_search", EsQueryDsl.Bytes(body), EsJson.Default.SearchResponse, ct).ConfigureAwait(false);
                if (page.PitId is { Length: > 0 } next) pitId = next;
                foreach (var h in page.Hits.Hits) yield return h;
                if (page.Hits.Hits.Count < size) yield break;
                after = JsonNode.Parse(page.Hits.Hits[^1].Sort.GetRawText());
            }
        }
        finally
        {
            await ClosePitAsync(pitId).ConfigureAwait(false);
        }
    }

    private async Task ClosePitAsync(string id)
    {
        try
        {
            var body = EsQueryDsl.Bytes(new JsonObject { ["id"] = id });
            await _t.SendJsonAsync(HttpMethod.Delete, "_pit", body, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ElasticsearchException)
        {
            // It expires by itself after its keep-alive.
        }
    }

    private static readonly string[] SummaryFields = ["id", "path", "part", "doc_type", "number", "issued_date", "issuer_name", "level", "province", "district", "commune", "subject"];

    private static DocumentSummary Summary(EsDocumentSource d) => new(d.Id, d.Path, d.Part, d.DocType, d.Number, Date(d.IssuedDate),
        d.IssuerName, d.Level, d.Province, d.District, d.Commune, d.Subject);

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Read<T>(SearchHitJson h, JsonTypeInfo<T> type) => h.Source.Deserialize(type)!;

    // ---- reading -----------------------------------------------------------------------------------------------

    public async Task<LedgerEntry?> GetFileAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var files = await GetFilesAsync([sha256], cancellationToken).ConfigureAwait(false);
        if (!files.TryGetValue(sha256, out var f)) return null;
        return new LedgerEntry(f.Sha256, f.Path, SqliteDocumentStore.ParseStatus(f.Status), f.Reason, f.Documents);
    }

    public async Task<IReadOnlyList<PathEntry>> ListPathsAsync(string? prefix, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        JsonNode query = prefix is null ? EsQueryDsl.MatchAll() : new JsonObject { ["prefix"] = new JsonObject { ["path"] = prefix } };
        var hits = await SearchAllAsync(Design.Paths, query, EsQueryDsl.Sort(("path", "asc", null)), null, cancellationToken).ConfigureAwait(false);
        var list = hits.Select(h => Read(h, EsJson.Default.EsPathSource)).Select(p => new PathEntry(p.Path, p.Sha256)).ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return list;
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var terms = EsQueryDsl.Tokens(query.Text);
        var exact = query.Exact && query.Text.Trim().Length > 0;
        var q = EsQueryDsl.SearchQueryOf(query);
        var sort = terms.Count > 0 || exact
            ? EsQueryDsl.Sort(("_score", "desc", null), ("id", "asc", null))
            : EsQueryDsl.Sort(("issued_date", "desc", "_last"), ("id", "asc", null));
        var includes = SummaryFields.Append("text").ToArray();
        var limit = Math.Max(0, query.Limit);
        var offset = Math.Max(0, query.Offset);
        if (limit == 0) return [];
        var phrase = exact ? SqliteQueries.ExactPhrase(query.Text) : "";
        var hits = new List<SearchHit>(Math.Min(limit, 1000));
        SearchHit ToHit(SearchHitJson h)
        {
            var d = Read(h, EsJson.Default.EsDocumentSource);
            return new SearchHit(Summary(d), terms.Count > 0 ? h.Score ?? 0 : 0, Snippets.Make(d.Text ?? "", terms));
        }
        if (!exact && offset + limit <= 10_000)
        {
            var body = SearchBody(q, sort, includes, limit);
            body["from"] = offset;
            if (terms.Count > 0) body["track_scores"] = true;
            var r = await _t.RequestAsync(HttpMethod.Post, Design.Documents + "/_search", EsQueryDsl.Bytes(body), EsJson.Default.SearchResponse, cancellationToken).ConfigureAwait(false);
            return r.Hits.Hits.Select(ToHit).ToList();
        }
        // Deep pages, and --exact (whose candidates are checked one by one, as the embedded store does), walk a point in time.
        var skip = offset;
        await foreach (var h in WalkAsync(Design.Documents, q, sort, includes, cancellationToken).ConfigureAwait(false))
        {
            if (exact && !SqliteQueries.ContainsExact(Read(h, EsJson.Default.EsDocumentSource).Text ?? "", phrase)) continue;
            if (skip-- > 0) continue;
            hits.Add(ToHit(h));
            if (hits.Count >= limit) break;
        }
        return hits;
    }

    public async Task<IReadOnlyList<CitingDocument>> FindCitingAsync(CitationQuery query, CitingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (EsQueryDsl.CitedCondition(query) is not { } cited) return [];
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var q = EsQueryDsl.Bool(filter: cited.Concat(EsQueryDsl.CitingFilter(filter)));
        var sort = EsQueryDsl.Sort(("citing.issued_date", "asc", "_first"), ("doc_id", "asc", null), ("seq", "asc", null));
        var edges = (await SearchAllAsync(Design.Citations, q, sort, ["doc_id", "key", "number", "title", "relation"], cancellationToken).ConfigureAwait(false))
            .Select(h => Read(h, EsJson.Default.EsCitationSource)).ToList();
        var docs = await MgetAsync(Design.Documents, edges.Select(e => e.DocId).Distinct(StringComparer.Ordinal).ToList(), SummaryFields, cancellationToken).ConfigureAwait(false);
        var result = new List<CitingDocument>(edges.Count);
        foreach (var e in edges)
        {
            if (!docs.TryGetValue(e.DocId, out var d)) continue; // removed between the two reads
            result.Add(new CitingDocument(Summary(d.Deserialize(EsJson.Default.EsDocumentSource)!), e.Key, e.Number ?? e.Title, e.Relation));
        }
        return result;
    }

    public async Task<StoredDocument?> GetDocumentAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var got = await MgetAsync(Design.Documents, [id], null, cancellationToken).ConfigureAwait(false);
        if (!got.TryGetValue(id, out var source)) return null;
        var d = source.Deserialize(EsJson.Default.EsDocumentSource)!;
        var citations = await GetCitationsAsync([id], cancellationToken).ConfigureAwait(false);
        var paths = (await SearchAllAsync(Design.Paths, EsQueryDsl.Term("sha256", d.Sha256), EsQueryDsl.Sort(("path", "asc", null)), null, cancellationToken).ConfigureAwait(false))
            .Select(h => Read(h, EsJson.Default.EsPathSource).Path).Order(StringComparer.Ordinal).ToList();
        return new StoredDocument(Summary(d), d.Json ?? "", citations, paths);
    }

    public async Task<string?> GetTextAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var got = await MgetAsync(Design.Documents, [id], null, cancellationToken).ConfigureAwait(false);
        return got.TryGetValue(id, out var source) ? source.Deserialize(EsJson.Default.EsDocumentSource)!.Text : null;
    }

    public async Task<IReadOnlyList<StoredCitation>> GetCitationsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0) return [];
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<(string DocId, int Seq, StoredCitation C)>();
        foreach (var chunk in documentIds.Distinct(StringComparer.Ordinal).Chunk(1000))
        {
            var hits = await SearchAllAsync(Design.Citations, EsQueryDsl.Terms("doc_id", chunk), EsQueryDsl.Sort(("doc_id", "asc", null), ("seq", "asc", null)), null, cancellationToken).ConfigureAwait(false);
            foreach (var h in hits)
            {
                var c = Read(h, EsJson.Default.EsCitationSource);
                result.Add((c.DocId, c.Seq, new StoredCitation(c.DocId, c.Key, c.Type, c.Number, c.Title, Date(c.CitedDate), c.CitedIssuer, c.Relation)));
            }
        }
        return result.OrderBy(r => r.DocId, StringComparer.Ordinal).ThenBy(r => r.Seq).Select(r => r.C).ToList();
    }

    public async Task<IReadOnlyList<DocumentSummary>> FindBySymbolAsync(string symbolKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbolKey);
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var hits = await SearchAllAsync(Design.Documents, EsQueryDsl.Term("sym_key", DocumentSymbol.Normalize(symbolKey)), EsQueryDsl.Sort(("id", "asc", null)), SummaryFields, cancellationToken).ConfigureAwait(false);
        return hits.Select(h => Summary(Read(h, EsJson.Default.EsDocumentSource))).ToList();
    }

    public async Task<IReadOnlyList<FacetCount>> CountDocumentsAsync(DocumentFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GroupBy.Count is 0 or > 2) throw new ArgumentException("group by one or two fields", nameof(query));
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var q = query.Filter is null ? EsQueryDsl.MatchAll() : EsQueryDsl.SearchQueryOf(query.Filter);
        return await FacetAsync(Design.Documents, q, query.GroupBy.Select(EsQueryDsl.Field).ToList(), labelled: false, query.Limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FacetCount>> CountCitationsAsync(CitationFacetQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GroupBy.Count is 0 or > 2) throw new ArgumentException("group by one or two fields", nameof(query));
        var filters = new List<JsonNode>();
        if (query.Cited is { } cited)
        {
            if (EsQueryDsl.CitedCondition(cited) is not { } c) return [];
            filters.AddRange(c);
        }
        filters.AddRange(EsQueryDsl.CitingFilter(query.Filter));
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var q = filters.Count == 0 ? EsQueryDsl.MatchAll() : EsQueryDsl.Bool(filter: filters);
        return await FacetAsync(Design.Citations, q, query.GroupBy.Select(EsQueryDsl.Field).ToList(), query.GroupBy.Contains(CitationField.CitedKey), query.Limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts by one or two keyword fields with a composite aggregation, paged with after_key so every group is counted
    /// exactly (a terms aggregation's counts are approximate across shards); unknown values are a group (null), as in SQL.
    /// Ordered like the embedded store: count descending, then values (null first).
    /// </summary>
    private async Task<IReadOnlyList<FacetCount>> FacetAsync(string alias, JsonNode query, List<string> fields, bool labelled, int limit, CancellationToken ct)
    {
        var groups = new List<FacetCount>();
        JsonNode? after = null;
        while (true)
        {
            var composite = new JsonObject
            {
                ["size"] = 1000,
                ["sources"] = new JsonArray([.. fields.Select((f, i) => (JsonNode)new JsonObject
                {
                    ["g" + i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["terms"] = new JsonObject { ["field"] = f, ["missing_bucket"] = true } },
                })]),
            };
            if (after is not null) composite["after"] = after;
            var agg = new JsonObject { ["composite"] = composite };
            if (labelled)
            {
                agg["aggs"] = new JsonObject
                {
                    ["type"] = MaxKeyword("type"), ["number"] = MaxKeyword("number"), ["title"] = MaxKeyword("title"),
                };
            }
            var body = new JsonObject { ["size"] = 0, ["query"] = query.DeepClone(), ["track_total_hits"] = false, ["aggs"] = new JsonObject { ["groups"] = agg } };
            var r = await _t.RequestAsync(HttpMethod.Post, alias + "/_search", EsQueryDsl.Bytes(body), EsJson.Default.SearchResponse, ct).ConfigureAwait(false);
            var g = r.Aggregations.GetProperty("groups");
            var buckets = g.GetProperty("buckets");
            foreach (var b in buckets.EnumerateArray())
            {
                var key = b.GetProperty("key");
                var values = fields.Select((_, i) => KeyValue(key, "g" + i.ToString(CultureInfo.InvariantCulture))).ToList();
                var f = new FacetCount(values, b.GetProperty("doc_count").GetInt64());
                if (labelled) f = f with { Label = CitationLabels.Of(TopKey(b, "type"), TopKey(b, "number"), TopKey(b, "title"), values[0] ?? "") };
                groups.Add(f);
            }
            if (buckets.GetArrayLength() < 1000 || !g.TryGetProperty("after_key", out var ak)) break;
            after = JsonNode.Parse(ak.GetRawText());
        }
        return groups
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Values[0] is null ? 0 : 1).ThenBy(f => f.Values[0], StringComparer.Ordinal)
            .ThenBy(f => f.Values.Count > 1 && f.Values[1] is not null ? 1 : 0).ThenBy(f => f.Values.Count > 1 ? f.Values[1] : null, StringComparer.Ordinal)
            .Take(Math.Max(0, limit)).ToList();
    }

    /// <summary>The greatest value of a keyword field in a group (SQL's max() of text).</summary>
    private static JsonObject MaxKeyword(string field) => new()
    {
        ["terms"] = new JsonObject { ["field"] = field, ["size"] = 1, ["order"] = new JsonObject { ["_key"] = "desc" } },
    };

    private static string? TopKey(JsonElement bucket, string name) =>
        bucket.TryGetProperty(name, out var a) && a.GetProperty("buckets") is { ValueKind: JsonValueKind.Array } bs && bs.GetArrayLength() > 0
            ? KeyText(bs[0].GetProperty("key")) : null;

    private static string? KeyValue(JsonElement key, string name) => key.TryGetProperty(name, out var v) ? KeyText(v) : null;

    private static string? KeyText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        var done = await CountOfAsync(Design.Files, EsQueryDsl.Term("status", "done"), cancellationToken).ConfigureAwait(false);
        var failed = await CountOfAsync(Design.Files, EsQueryDsl.Term("status", "failed"), cancellationToken).ConfigureAwait(false);
        var documents = await CountOfAsync(Design.Documents, null, cancellationToken).ConfigureAwait(false);
        var citations = await CountOfAsync(Design.Citations, null, cancellationToken).ConfigureAwait(false);
        return new StoreCounts((int)done, (int)failed, (int)documents, (int)citations);
    }

    private async Task<long> CountOfAsync(string alias, JsonNode? query, CancellationToken ct)
    {
        var body = query is null ? null : EsQueryDsl.Bytes(new JsonObject { ["query"] = query });
        var r = await _t.RequestAsync(HttpMethod.Post, alias + "/_count", body, EsJson.Default.CountResponse, ct).ConfigureAwait(false);
        return r.Count;
    }

    public ValueTask DisposeAsync()
    {
        _t.Dispose();
        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
