using Microsoft.AspNetCore.Http.Features;

namespace PatientLeaders.Community.Web.Infrastructure.Security;

/// <summary>
/// One limit on what a request may send, for every form and hub negotiation. The largest thing anyone writes is a
/// 32,000-character post: percent-encoded four-byte characters come to under 400 KB. A larger request is answered
/// 413 before anything reads it, so no handler runs, no draft is overwritten, and the status page says the limit.
/// </summary>
public sealed class RequestLimits(RequestDelegate next, Microsoft.Extensions.Options.IOptions<Uploads.UploadOptions> uploads)
{
    public const int MaxBodyKilobytes = 512;

    public const long MaxBodyBytes = MaxBodyKilobytes * 1024L;

    /// <summary>
    /// A form that uploads a file posts to an address ending "/upload"; it may send a megabyte more than the largest
    /// file (Uploads:MaxMegabytes), so that the file store can refuse a slightly larger file with a clear message.
    /// </summary>
    public static long MaxUploadBodyBytes(int maxMegabytes) => (maxMegabytes + 1L) * 1024 * 1024;

    public static bool IsUpload(PathString path) => path.Value?.EndsWith("/upload", StringComparison.Ordinal) == true;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = IsUpload(context.Request.Path) ? MaxUploadBodyBytes(uploads.Value.MaxMegabytes) : MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            // The status page that explains the 413 runs as this same request again: as a GET without the body,
            // so nothing on the way (handler selection looks for a "handler" form field) tries to read it.
            context.Request.Method = HttpMethods.Get;
            context.Request.ContentType = null;
            context.Request.ContentLength = null;
            context.Request.Body = Stream.Null;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        // A body sent without a length (chunked) is cut off by the server at the same size while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}
