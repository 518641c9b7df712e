using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocIntel.Extract.Documents;
using DocIntel.Extract.Normalization;
using DocIntel.Extract.Pipeline;
using DocIntel.Extract.Reference;
using DocIntel.Index.Elasticsearch;
using DocIntel.Index.Store;

namespace DocIntel.Index.Tests.Elasticsearch;

/// <summary>A small archive of real-shaped reports (commune reports citing decrees), and a loader that drives a store as the bulk loader does.</summary>
internal static class EsTestArchive
{
    private static readonly Lazy<ReferenceData> Reference = new(ReferenceData.LoadEmbedded);

    private static readonly string[] Communes = ["Tân Thạnh", "Bình Chương", "Song Vân", "Tiền Phong", "Quỳnh Hưng", "Đông La"];

    public static string Text(int i)
    {
        var commune = Communes[i % Communes.Length];
        var decree = (i % 3) switch { 0 => "59/2023/NĐ-CP", 1 => "61/2023/NĐ-CP", _ => "145/2020/NĐ-CP" };
        return string.Create(CultureInfo.InvariantCulture, $"""
            ỦY BAN NHÂN DÂN
            XÃ {commune.ToUpperInvariant()}
            Số: {10 + i}/BC-UBND
            {commune}, ngày {1 + i % 27} tháng {1 + i % 12} năm 2024
            BÁO CÁO
            Kết quả thực hiện dân chủ ở cơ sở đợt {i}
            Căn cứ Nghị định số {decree} của Chính phủ; thực hiện Kết luận số 120-KL/TW của Bộ Chính trị về hương ước, quy ước.
            """);
    }

    public static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static ExtractedDocument Document(string text, string sha, string path)
    {
        var n = VietnameseNormalizer.Default.Normalize(text);
        var a = new DocumentExtractor(Reference.Value, ExtractionOptions.Default).Extract(n)[0];
        return new ExtractedDocument(new SourceInfo(path, sha, a.Part, null, null, "plain"), a, new QualityInfo(1, null, []), n.Text);
    }

    public sealed record ArchiveFile(string Path, string Sha, ExtractedDocument Document);

    public static IReadOnlyList<ArchiveFile> Files(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var text = Text(i);
        var sha = Sha(text);
        var path = $"/archive/xa-{i % Communes.Length}/bao-cao-{i:D3}.txt";
        return new ArchiveFile(path, sha, Document(text, sha, path));
    }).ToList();

    /// <summary>As the bulk loader: skip content the ledger has done, store the rest in batches, sweep at the end.</summary>
    public static async Task LoadAsync(IDocumentStore store, IReadOnlyList<ArchiveFile> files, int batch, CancellationToken ct)
    {
        foreach (var chunk in files.Chunk(batch))
        {
            var writes = new List<LedgerWrite>();
            foreach (var f in chunk)
            {
                var record = new FileRecord(f.Sha, f.Path, 100);
                var known = await store.GetFileAsync(f.Sha, ct);
                writes.Add(known?.Status == FileStatus.Done ? new SeenFile(record) : new StoreFile(record, [f.Document]));
            }
            await store.WriteAsync(writes, ct);
        }
        await store.SweepAsync(ct);
    }

    /// <summary>Fast back-offs and short timeouts, so a fault test runs in seconds.</summary>
    public static ElasticsearchOptions Options(string prefix = "docintel") => new(new Uri("http://es.test:9200"))
    {
        IndexPrefix = prefix,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromMilliseconds(300),
        MaxBatchOperations = 7,
        MaxConcurrentRequests = 2,
        BreakDuration = TimeSpan.FromSeconds(5),
    };
}
