using System.Net;

namespace DocIntel.Index.Elasticsearch;

/// <summary>Elasticsearch answered with an error that retrying will not cure (a bad request, a missing index, a refused credential).</summary>
public class ElasticsearchException : Exception
{
    public ElasticsearchException(string message) : base(message) { }

    public ElasticsearchException(string message, Exception inner) : base(message, inner) { }

    public ElasticsearchException(string message, HttpStatusCode? status, string? errorType) : base(message)
    {
        Status = status;
        ErrorType = errorType;
    }

    public HttpStatusCode? Status { get; }

    public string? ErrorType { get; }
}

/// <summary>
/// The cluster did not answer (or kept answering "busy") after every retry, or the circuit breaker is open: the run must
/// stop. Nothing that Elasticsearch did not acknowledge is marked done in the ledger, so the same command resumes.
/// </summary>
public sealed class ElasticsearchUnavailableException : ElasticsearchException
{
    public ElasticsearchUnavailableException(string message) : base(message) { }

    public ElasticsearchUnavailableException(string message, Exception inner) : base(message, inner) { }
}
