using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace PatientLeaders.Community.Web.Infrastructure.Forms;

/// <summary>
/// Every date the site binds (query, form or route; DateOnly, DateTime, DateTimeOffset) must fall in years
/// 1900–2999. Outside that it is a model error with a plain message, never a value that overflows later
/// (9999-12-31 plus a day) and never a 500.
/// </summary>
public sealed class BoundedDatesBinderProvider : IModelBinderProvider
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public static readonly string OutOfRange = string.Create(CultureInfo.InvariantCulture,
        $"Enter a date between {Earliest:d MMMM yyyy} and {Latest:d MMMM yyyy}");

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            ? new Binder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    public static bool InRange(object? value) => value switch
    {
        DateOnly d => d >= Earliest && d <= Latest,
        DateTime d => DateOnly.FromDateTime(d) >= Earliest && DateOnly.FromDateTime(d) <= Latest,
        DateTimeOffset d => DateOnly.FromDateTime(d.UtcDateTime) >= Earliest && DateOnly.FromDateTime(d.UtcDateTime) <= Latest,
        _ => true,
    };

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet && !InRange(context.Result.Model))
            {
                context.ModelState.TryAddModelError(context.ModelName, OutOfRange);
                context.Result = ModelBindingResult.Failed();
            }
        }
    }
}
