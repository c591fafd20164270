using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// NIST/ASVS rules: length only (8 to 256, any characters), no composition rules, and no common, breached or
/// context words. The list of common passwords ships with the site so no lookup leaves the machine. Its messages are
/// shown to the person choosing the password, in the language of their request.
/// </summary>
public sealed class PasswordPolicyValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<Member>
{
    public const int MaximumLength = 256;

    private static readonly string[] ContextWords = ["patientleaders", "patientleader", "patient leaders", "plcommunity"];

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "common-passwords.txt");
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
    });

    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        var problem = Check(password ?? "", user);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = problem }));
    }

    public string? Check(string password, Member? user)
    {
        if (password.Length > MaximumLength)
        {
            return localizer["Your password must be {0} characters or fewer.", MaximumLength];
        }
        var lower = password.ToLowerInvariant();
        var withoutDigitsAndSymbols = new string(lower.Where(char.IsLetter).ToArray());
        if (CommonPasswords.Value.Contains(password) || CommonPasswords.Value.Contains(withoutDigitsAndSymbols))
        {
            return localizer["That password is too common and easy to guess. Try a few unrelated words together."];
        }
        var personal = new List<string>(ContextWords);
        if (user is not null)
        {
            personal.Add(user.Handle.ToLowerInvariant());
            personal.Add(user.Email.Split('@')[0].ToLowerInvariant());
        }
        if (personal.Any(word => word.Length >= 4 && lower.Replace(" ", "").Contains(word.Replace(" ", ""), StringComparison.Ordinal)))
        {
            return localizer["Your password must not contain your name, email address or the name of this site."];
        }
        return null;
    }
}
