using PatientLeaders.Community.Web.Features.Programmes;

namespace PatientLeaders.Community.Tests.Programmes;

public sealed class CompletionRulesTests
{
    [TestCase(4, 2, 4, 2, true)]
    [TestCase(4, 2, 3, 2, false)]
    [TestCase(4, 2, 5, 1, false)]
    [TestCase(4, 0, 4, 0, true)]
    [TestCase(0, 0, 0, 0, false)]
    [TestCase(0, 0, 1, 0, true)]
    public void BothThresholdsMustBeMet_AndAtLeastOneSessionAlways(int minSessions, int minCalls, int attended, int calls, bool met) =>
        Assert.That(CompletionRules.IsMet(new ProgrammeRules(minSessions, minCalls), attended, calls), Is.EqualTo(met));

    [TestCase(null, true, true)]
    [TestCase(null, false, false)]
    [TestCase("Present", false, true)]
    [TestCase("Late", false, true)]
    [TestCase("Excused", true, false)]
    [TestCase("Absent", true, false)]
    [TestCase("NotExpected", true, false)]
    public void ARecordedStatusOverridesARoomJoin(string? recorded, bool joinedRoom, bool attended) =>
        Assert.That(CompletionRules.CountsAsAttended(recorded, joinedRoom), Is.EqualTo(attended));

    [Test]
    public void CertificateCodes_AreTwelveUnambiguousCharacters_ReadBackHoweverTyped()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => CertificateCodes.New()).ToList();
        Assert.That(codes.Distinct().Count(), Is.EqualTo(1000));
        Assert.That(codes, Has.All.Matches<string>(c => c.Length == 12 && !c.Any(ch => "ILOU".Contains(ch))));
        var code = codes[0];
        Assert.That(CertificateCodes.Normalise(CertificateCodes.Display(code).ToLowerInvariant()), Is.EqualTo(code));
        Assert.That(CertificateCodes.Normalise("short"), Is.Null);
        Assert.That(CertificateCodes.Normalise("OOOO-IIII-LLLL"), Is.Null);
        Assert.That(CertificateCodes.Normalise(null), Is.Null);
    }
}
