using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocIntel.Index.Elasticsearch;

/// <summary>
/// How to reach a cluster from the environment: <c>DOCINTEL_ES_URL</c>; an API key (<c>DOCINTEL_ES_API_KEY</c>) or basic
/// authentication (<c>DOCINTEL_ES_USER</c> + <c>DOCINTEL_ES_PASSWORD</c>), each also readable from a file named by the
/// same variable with <c>_FILE</c> appended (Docker-secret style); TLS trust from <c>DOCINTEL_ES_CA_FILE</c> or
/// <c>DOCINTEL_ES_FINGERPRINT</c>. Secrets are never printed: <see cref="Describe"/> names only which kind is in use.
/// </summary>
public static class EsConnection
{
    public const string UrlVariable = "DOCINTEL_ES_URL";

    public static ElasticsearchOptions FromEnvironment(string url, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new ArgumentException($"not a URL: {url}");
        string? Secret(string name)
        {
            if (env(name) is { Length: > 0 } v) return v;
            if (env(name + "_FILE") is { Length: > 0 } file)
            {
                if (!File.Exists(file)) throw new ArgumentException($"{name}_FILE names a file that does not exist: {file}");
                return File.ReadAllText(file).Trim();
            }
            return null;
        }
        // user:password in the URL works too, but is moved out of it so that it is never shown.
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            uri = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        }
        return new ElasticsearchOptions(uri)
        {
            ApiKey = Secret("DOCINTEL_ES_API_KEY"),
            Username = Secret("DOCINTEL_ES_USER") ?? user,
            Password = Secret("DOCINTEL_ES_PASSWORD") ?? password,
            CaFile = env("DOCINTEL_ES_CA_FILE") is { Length: > 0 } ca ? ca : null,
            CertificateFingerprint = env("DOCINTEL_ES_FINGERPRINT") is { Length: > 0 } fp ? fp : null,
            IndexPrefix = env("DOCINTEL_ES_PREFIX") is { Length: > 0 } prefix ? prefix : "docintel",
        };
    }

    /// <summary>"https://es:9200 (API key, CA file)": what a message may say about the connection.</summary>
    public static string Describe(ElasticsearchOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var auth = o.ApiKey is not null ? "API key" : o.Username is not null ? $"user {o.Username}" : "no credentials";
        var tls = o.CaFile is not null ? ", CA file" : o.CertificateFingerprint is not null ? ", certificate fingerprint" : "";
        return $"{o.Url.GetLeftPart(UriPartial.Authority)} ({auth}{tls})";
    }

    /// <summary>The HTTP handler: pooled connections, and the TLS trust the options ask for.</summary>
    public static HttpMessageHandler CreateHandler(ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(4, options.MaxConcurrentRequests * 2),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.CaFile is { } caFile)
        {
            if (!File.Exists(caFile)) throw new ArgumentException($"CA file not found: {caFile}");
            var ca = X509Certificate2.CreateFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, errors) => ValidateWithCa(cert, errors, ca);
        }
        else if (options.CertificateFingerprint is { } fp)
        {
            var want = NormalizeFingerprint(fp);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, _) => MatchesFingerprint(cert, chain, want);
        }
        return handler;
    }

    internal static string NormalizeFingerprint(string fp) => fp.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>As Elasticsearch's own clients: the SHA-256 of the server certificate or of any certificate in its chain (usually the CA).</summary>
    internal static bool MatchesFingerprint(X509Certificate? cert, X509Chain? chain, string want)
    {
        if (cert is null) return false;
        if (Convert.ToHexString(SHA256.HashData(cert.GetRawCertData())) == want) return true;
        if (chain is null) return false;
        foreach (var element in chain.ChainElements)
        {
            if (Convert.ToHexString(SHA256.HashData(element.Certificate.RawData)) == want) return true;
        }
        return false;
    }

    private static bool ValidateWithCa(X509Certificate? cert, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (cert is null) return false;
        if (errors == SslPolicyErrors.None) return true;
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(cert);
        return chain.Build(leaf);
    }
}
