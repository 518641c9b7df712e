using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DocIntel.Api.Security;

/// <summary>
/// Guards write endpoints: the X-Api-Key header must carry the configured key. Without a configured key, writes are
/// accepted from the loopback address only (the server refuses to start on other addresses without one).
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            if (http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)) return await next(context).ConfigureAwait(false);
            return TypedResults.Problem("Writes are accepted from localhost only while no API key is configured (DocIntel__ApiKey).",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return TypedResults.Problem(given.Length == 0 ? "This endpoint needs an API key in the X-Api-Key header." : "The API key is not valid.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }
        return await next(context).ConfigureAwait(false);
    }
}
