using System.Text;

namespace PatientLeaders.Community.Web.DevelopmentTools;

/// <summary>Word lists and Markdown for <see cref="BenchCommunity"/>: word frequencies are skewed so that search has common and rare words.</summary>
public static class BenchText
{
    public static readonly string[] FirstNames =
        ["Amara", "Ben", "Chloe", "Dev", "Eilidh", "Femi", "Grace", "Hamza", "Isla", "Jamal", "Kate", "Liam", "Maya", "Nadia", "Owen",
         "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Victor", "Wen", "Yusuf", "Zara"];

    public static readonly string[] Surnames =
        ["Adeyemi", "Brown", "Campbell", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan",
         "Nowak", "O'Neill", "Patel", "Roberts", "Singh", "Taylor", "Walker", "Wright", "Young"];

    public static readonly string[] Regions = ["North East", "North West", "Yorkshire", "Midlands", "East", "London", "South East", "South West", "Wales", "Scotland"];

    public static readonly string[] CategoryNames =
        ["Introductions", "Living with long-term conditions", "Mental health", "Carers' corner", "Hospital experiences", "GP and primary care",
         "Patient voice in research", "Co-production", "Leadership skills", "Action learning", "Mentoring", "Policy and NHS news",
         "Accessibility", "Young patient leaders", "Events", "Resources and reading", "Wellbeing", "Peer support", "Feedback", "Off topic"];

    public static readonly string[] Tags =
        ["diabetes", "asthma", "arthritis", "cancer", "copd", "ms", "epilepsy", "long-covid", "fatigue", "pain", "carers", "nhs", "research",
         "ppi", "co-production", "governance", "boards", "mentoring", "sets", "wellbeing", "accessibility", "advocacy", "events", "policy"];

    // Ordered roughly from common to rare; Word() draws early entries far more often.
    private static readonly string[] Words = ("""
        the and to of a in that is for it with was on as have be this at but not are they my you we about from or had one
        all so if there what when can their more time would people who them been just like out up do will some also than very
        patient care health team meeting support think feel know help experience service doctor appointment hospital nurse
        family carer group voice change first year week day today really good thanks thank share story found made way
        leadership learning mentor session question listen together board trust community involvement research project
        diagnosis treatment medication waiting list referral clinic consultant surgery recovery therapy symptoms pain fatigue
        condition chronic manage managing managed pacing energy sleep anxiety confidence advocacy policy governance committee
        evidence feedback survey report strategy commissioning partnership training workshop facilitator presentation
        coproduction accessible inclusion equality funding volunteer charity network peer workbook reflection insight
        physiotherapy rheumatology endocrinology neurology cardiology oncology haematology dermatology gastroenterology
        echocardiogram spirometry colonoscopy biopsy infusion methotrexate insulin inhaler steroid antidepressant
        fibromyalgia endometriosis sarcoidosis lupus bronchiectasis gastroparesis narcolepsy hypermobility dysautonomia
        """).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    // Rare words, as real search meets them: each in well under 0.1 % of posts (a few hundred of a million).
    private static readonly string[] RareWords = ("""
        kaleidoscope serendipity lighthouse marmalade quaternion zephyr wainscot obelisk tessellate harpsichord
        meringue gazebo trilobite origami nebula sextant lagoon xylophone quince tapestry
        """).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    // The power skews draws to the start of Words; one draw in 2,000 is a rare word instead.
    public static string Word(Random random) => random.NextDouble() < 0.0005
        ? RareWords[random.Next(RareWords.Length)]
        : Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 3))];

    public static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Word(random);
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
        }
        return text.Append('.').ToString();
    }

    public static string Title(Random random)
    {
        var sentence = Sentence(random, 3 + random.Next(7));
        return sentence[..^1];
    }

    /// <summary>Markdown of varied length: mostly short replies, some long posts with lists, emphasis, quotes and links.</summary>
    public static string Body(Random random, string? mention)
    {
        var text = new StringBuilder();
        var paragraphs = random.NextDouble() < 0.7 ? 1 + random.Next(2) : 2 + random.Next(6);
        if (mention is not null)
        {
            text.Append('@').Append(mention).Append(' ');
        }
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append("\n\n");
            }
            switch (random.Next(10))
            {
                case 0:
                    text.Append("> ").Append(Sentence(random, 6 + random.Next(12)));
                    break;
                case 1:
                    for (var i = 0; i < 2 + random.Next(4); i++)
                    {
                        text.Append("- ").Append(Sentence(random, 3 + random.Next(8))).Append('\n');
                    }
                    break;
                case 2:
                    text.Append(Sentence(random, 5 + random.Next(10))).Append(" **").Append(Word(random)).Append(" ").Append(Word(random))
                        .Append("** and [a useful guide](https://example.org/").Append(Word(random)).Append(").");
                    break;
                default:
                    for (var s = 0; s < 1 + random.Next(4); s++)
                    {
                        text.Append(s > 0 ? " " : "").Append(Sentence(random, 4 + random.Next(16)));
                    }
                    break;
            }
        }
        return text.ToString();
    }
}
