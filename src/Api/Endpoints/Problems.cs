using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DocIntel.Api.Endpoints;

/// <summary>RFC 9457 problem details for the answers the endpoints give by hand (404, 413, 401, 429).</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}

/// <summary>
/// Query-string values read as text and checked here, so a bad value is answered with a 400 naming the field (a typed
/// binder would answer a bare 400 without saying which parameter was wrong).
/// </summary>
internal sealed class QueryArgs
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors, title: "Invalid request parameters");

    public void Error(string field, string message) => _errors[field] = [message];

    public DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        Error(field, $"'{value}' is not a date; write YYYY-MM-DD (e.g. 2024-03-01)");
        return null;
    }

    public int Int(string field, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(field, $"'{value}' is not a whole number from {min} to {max}");
        return fallback;
    }

    public bool Bool(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                Error(field, $"'{value}' is not true or false");
                return false;
        }
    }

    public string? OneOf(string field, string? value, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        if (allowed.Contains(v, StringComparer.Ordinal)) return v;
        Error(field, $"'{value}' is not one of {string.Join(", ", allowed)}");
        return null;
    }
}
