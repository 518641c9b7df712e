using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DocIntel.Index.Store;

namespace DocIntel.Index.Elasticsearch;

/// <summary>One measured configuration: how much work, in how many CPU seconds of this process.</summary>
public sealed record EsBulkFigures(string Name, long Documents, long Operations, long Bytes, double CpuSeconds, double WallSeconds)
{
    public double DocumentsPerSecond => Documents / Math.Max(CpuSeconds, 1e-9);
    public double BytesPerSecond => Bytes / Math.Max(CpuSeconds, 1e-9);
}

/// <summary>
/// The client's own cost of bulk indexing, on one thread and without a network: building NDJSON request bodies
/// (records → sources → action and source lines, batches cut by bytes and count) and reading bulk answers (every item
/// judged). The baseline is plain source-generated JSON serialisation of the same documents in the same process.
/// </summary>
public static class EsBulkBenchmark
{
    public static IReadOnlyList<EsBulkFigures> Run(IReadOnlyList<IndexedDocument> documents, double seconds, ElasticsearchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var design = new EsIndexDesign(options.IndexPrefix);
        var sources = documents.Select(ElasticsearchDocumentStore.DocumentSource).ToList();
        var citationSources = documents.SelectMany(d => d.Citations.Select(c => ElasticsearchDocumentStore.CitationSource(d, c))).ToList();
        var ops = documents.Sum(d => 1 + d.Citations.Count);

        // Requests: what the indexer does per batch, minus the socket.
        var batches = new List<(int Operations, List<string> Ids, List<string> Indices)>();
        long requestBytes = 0;
        void Build(bool record)
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            using var json = new Utf8JsonWriter(buffer, BulkRequestWriter.WriterOptions);
            var ids = new List<string>();
            var indices = new List<string>();
            long bytes = 0;
            void Cut()
            {
                bytes += buffer.WrittenCount;
                if (record) batches.Add((ids.Count, ids, indices));
                buffer.Clear();
                ids = [];
                indices = [];
            }
            foreach (var d in documents)
            {
                var op = new BulkOp(BulkVerb.Index, design.Documents, d.Id, ElasticsearchDocumentStore.DocumentSource(d));
                BulkRequestWriter.Write(json, buffer, op);
                ids.Add(d.Id);
                indices.Add(design.Documents);
                foreach (var c in d.Citations)
                {
                    var id = ElasticsearchDocumentStore.CitationId(d.Id, c.Seq);
                    BulkRequestWriter.Write(json, buffer, new BulkOp(BulkVerb.Index, design.Citations, id, ElasticsearchDocumentStore.CitationSource(d, c)));
                    ids.Add(id);
                    indices.Add(design.Citations);
                }
                if (buffer.WrittenCount >= options.MaxBatchBytes || ids.Count >= options.MaxBatchOperations) Cut();
            }
            if (ids.Count > 0) Cut();
            requestBytes = bytes;
        }
        Build(record: true);

        // Answers as Elasticsearch writes them for an all-created batch (per-item metadata included).
        var answers = batches.Select(b =>
        {
            var sb = new StringBuilder("{\"took\":41,\"errors\":false,\"items\":[");
            for (var i = 0; i < b.Ids.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append("{\"index\":{\"_index\":\"").Append(b.Indices[i]).Append("-v1\",\"_id\":\"").Append(b.Ids[i])
                  .Append("\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":2,\"successful\":1,\"failed\":0},\"_seq_no\":")
                  .Append(i).Append(",\"_primary_term\":1,\"status\":201}}");
            }
            return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
        }).ToList();
        var answerBytes = answers.Sum(a => (long)a.Length);
        void Read()
        {
            for (var k = 0; k < answers.Count; k++)
            {
                var a = answers[k];
                if (BulkResponseReader.TryAllAcknowledged(a, batches[k].Operations)) continue;
                var r = BulkResponseReader.Parse(a);
                foreach (var item in r.Items)
                {
                    if (BulkResponseReader.Judge(BulkVerb.Index, item.Values.First()).State != BulkItemState.Acknowledged) throw new InvalidOperationException("bad item");
                }
            }
        }

        long baselineBytes = 0;
        void Baseline()
        {
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            using var json = new Utf8JsonWriter(buffer, BulkRequestWriter.WriterOptions);
            long bytes = 0;
            foreach (var s in sources)
            {
                json.Reset(buffer);
                JsonSerializer.Serialize(json, s, EsJson.Default.EsDocumentSource);
                if (buffer.WrittenCount > options.MaxBatchBytes) { bytes += buffer.WrittenCount; buffer.Clear(); }
            }
            foreach (var c in citationSources)
            {
                json.Reset(buffer);
                JsonSerializer.Serialize(json, c, EsJson.Default.EsCitationSource);
                if (buffer.WrittenCount > options.MaxBatchBytes) { bytes += buffer.WrittenCount; buffer.Clear(); }
            }
            baselineBytes = bytes + buffer.WrittenCount;
        }

        // Warm every configuration up first (JIT tiering runs on a background thread, which a busy machine starves),
        // then measure each; rows are CPU seconds of this process, so other processes on the machine do not count.
        foreach (var warm in new Action[] { Baseline, () => Build(record: false), Read })
        {
            var until = Stopwatch.StartNew();
            do warm(); while (until.Elapsed.TotalSeconds < Math.Max(1.0, seconds / 2));
        }
        return
        [
            Measure("plain JSON serialisation of the same sources (baseline)", Baseline, documents.Count, ops, () => baselineBytes, seconds, ct),
            Measure("bulk request building (records → NDJSON batches)", () => Build(record: false), documents.Count, ops, () => requestBytes, seconds, ct),
            Measure("bulk response handling (errors:false fast path)", Read, documents.Count, ops, () => answerBytes, seconds, ct),
            Measure("both (the client's whole share)", () => { Build(record: false); Read(); }, documents.Count, ops, () => requestBytes + answerBytes, seconds, ct),
        ];
    }

    private static EsBulkFigures Measure(string name, Action work, long documents, long operations, Func<long> bytes, double seconds, CancellationToken ct)
    {
        work(); // warm-up (JIT)
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            ct.ThrowIfCancellationRequested();
            work();
            rounds++;
        }
        while (sw.Elapsed.TotalSeconds < seconds);
        process.Refresh();
        return new EsBulkFigures(name, documents * rounds, operations * rounds, bytes() * rounds, (process.TotalProcessorTime - cpu0).TotalSeconds, sw.Elapsed.TotalSeconds);
    }
}
