using System.Collections;
using System.Globalization;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Rules;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// Rule attributes on a model-bound type with a real <c>dotnet build</c>: the build reads <c>[GreaterThan]</c> and
/// <c>[Derived]</c> from the type's source before it trains, the model keeps both by construction, the generated
/// synthesizer reads its rows without checking them, and every object keeps both rules. The attributes are part of
/// the lock's settings: changing one retrains, an unrelated edit does not; a bad attribute, or data breaking the
/// rule, is a build error at the attribute.
/// </summary>
public sealed class RuleAttributeBuildTests
{
    private const string Stay = """
        using System;
        using SynthFixtures;
        namespace Hospital;

        [Synthesize(From = "data/stays.csv"), FixedCombination(nameof(City), nameof(State))]
        public partial record Stay
        {
            public DateTime Admitted { get; init; }
            [GreaterThan(nameof(Admitted))] public DateTime Discharged { get; init; }
            public decimal Price { get; init; }
            public int Quantity { get; init; }
            [Derived("Price * Quantity")] public decimal Total { get; init; }
            public string City { get; init; } = "";
            public string State { get; init; } = "";
            [IdentifierFormat(Prefix = "ST-", Digits = 7, CheckDigit = "luhn")] public string StayId { get; init; } = "";
        }
        """;

    [Fact]
    public void Rule_attributes_of_a_bound_type_are_kept_by_the_model_and_retrain_it_only_when_they_change()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/stays.csv" />""", Consumes);
        File.WriteAllLines(project.PathOf("data/stays.csv"), Stays(300));
        File.WriteAllText(project.PathOf("Stay.cs"), Stay);

        var (code, log) = project.Build();

        Assert.True(code == 0, log);
        var schema = File.ReadAllLines(Path.Combine(project.ModelDirectory, "stays.synthschema"));
        Assert.Contains("rule\tinequality\tgreater=discharged\tlesser=admitted\tstrict=true", schema);
        Assert.Contains("rule\tderived\ttarget=total\toperands=price,quantity", schema);
        Assert.Contains(File.ReadAllLines(Path.Combine(project.ModelDirectory, "stays.settings")), l => l.StartsWith("rules=", StringComparison.Ordinal));
        var model = ModelArtifact.Load(Path.Combine(project.ModelDirectory, "stays.synth"));
        Assert.IsType<RulesModel>(model);
        Assert.Equal(["fixed combination of city, state", "discharged > admitted", "total = price * quantity", "identifier stay_id prefix 'ST-' digits 7 check digit luhn"],
            model.Metadata.Rules!.Select(r => r.Text));
        Assert.Contains("rule\tfixedcombination\tcolumns=city,state", schema);
        Assert.Contains("rule\tidentifier\tcolumn=stay_id", schema);
        // The generated synthesizer checks no row: the model keeps both rules on every row it samples.
        var generated = File.ReadAllText(Directory.GetFiles(project.PathOf("obj"), "Hospital.Stay.g.cs", SearchOption.AllDirectories).Single());
        Assert.DoesNotContain("continue;", generated);
        Assert.DoesNotContain("MaxRejectedRows", generated);

        var stays = Objects(project.AssemblyPath, "Hospital.Stay", 3000);
        Assert.Equal(3000, stays.Count);
        Assert.All(stays, s => Assert.True((DateTime)Get(s, "Discharged") > (DateTime)Get(s, "Admitted"), $"{Get(s, "Discharged")} after {Get(s, "Admitted")}"));
        Assert.All(stays, s => Assert.Equal((decimal)Get(s, "Price") * (int)Get(s, "Quantity"), (decimal)Get(s, "Total")));
        Assert.True(stays.Select(s => Get(s, "Quantity")).Distinct().Count() > 3); // learned, not constant
        Assert.All(stays, s => Assert.Contains(((string)Get(s, "City"), (string)Get(s, "State")), Places));
        Assert.True(stays.Select(s => Get(s, "City") + "/" + Get(s, "State")).Distinct().Count() > 2);
        Assert.All(stays, s => Assert.Matches(@"^ST-\d{7}$", (string)Get(s, "StayId")));
        Assert.All(stays, s => Assert.Equal(Luhn(((string)Get(s, "StayId"))[3..^1]), ((string)Get(s, "StayId"))[^1]));
        Assert.Equal(stays.Count, stays.Select(s => Get(s, "StayId")).Distinct().Count());

        // Nothing changed, then an edit that leaves the attributes as they were: no retraining either time.
        var trained = File.GetLastWriteTimeUtc(Path.Combine(project.ModelDirectory, "stays.synth"));
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesReadRuleAttributes\" because all output files are up-to-date", log);
        Assert.DoesNotContain("SynthFixtures: training", log);
        File.WriteAllText(project.PathOf("Stay.cs"), "// Hospital stays.\n" + Stay.Replace("public int Quantity", "/// <summary>Units.</summary>\n    public int Quantity", StringComparison.Ordinal));
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.DoesNotContain("SynthFixtures: training", log);
        Assert.Equal(trained, File.GetLastWriteTimeUtc(Path.Combine(project.ModelDirectory, "stays.synth")));

        // A changed attribute retrains: without [Derived] the model learns total itself and keeps only the inequality.
        File.WriteAllText(project.PathOf("Stay.cs"), Stay.Replace("[Derived(\"Price * Quantity\")] ", "", StringComparison.Ordinal));
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training gaussiancopula", log);
        Assert.Equal(["fixed combination of city, state", "discharged > admitted", "identifier stay_id prefix 'ST-' digits 7 check digit luhn"], ModelArtifact.Load(Path.Combine(project.ModelDirectory, "stays.synth")).Metadata.Rules!.Select(r => r.Text));
        Assert.Contains("\"data/stays.csv\"", File.ReadAllText(project.PathOf("synthfixtures.lock.json")));
    }

    [Fact]
    public void A_bad_rule_attribute_or_data_breaking_it_is_a_build_error_at_the_attribute()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/stays.csv" />""", Consumes);
        var rows = Stays(120);
        File.WriteAllLines(project.PathOf("data/stays.csv"), rows);
        var file = project.PathOf("Stay.cs");
        File.WriteAllText(file, Stay.Replace("\"Price * Quantity\"", "\"Price * Quantiti\"", StringComparison.Ordinal));

        var (code, log) = project.Build();

        Assert.NotEqual(0, code);
        // Line 12, at the character of 'Quantiti' inside the string.
        var line = Stay.Split('\n')[11];
        var at = line.IndexOf("Price * Quantity", StringComparison.Ordinal) + "Price * ".Length + 1;
        Assert.Contains($"{file}(12,{at}): error SF1001: [Derived(\"Price * Quantiti\")]: 'Quantiti' is not a property of Stay.", log);
        Assert.DoesNotContain("MSB6006", log);

        // A row where the discharge is the admission day breaks 'discharged > admitted': the error is at [GreaterThan].
        File.WriteAllText(file, Stay);
        var cells = rows[5].Split(',');
        cells[1] = cells[0];
        rows[5] = string.Join(',', cells);
        File.WriteAllLines(project.PathOf("data/stays.csv"), rows);
        (code, log) = project.Build();
        Assert.NotEqual(0, code);
        Assert.Contains($"{file}(9,6): error SF1001: [GreaterThan(nameof(Admitted))] on Stay.Discharged: The data in stays.csv breaks the rule 'discharged > admitted' on 1 of 120 rows (line 6).", log);
    }

    /// <summary>Cities with their states: two cities share a name, so only the pairing tells them apart.</summary>
    private static readonly (string City, string State)[] Places = [("Springfield", "IL"), ("Springfield", "MA"), ("Portland", "OR"), ("Portland", "ME"), ("Austin", "TX")];

    /// <summary>The Luhn check digit of <paramref name="digits"/>.</summary>
    private static char Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>
    /// An invented stays table: stays of 1 to 20 days in 2024, a price with cents, a quantity and their product, a city
    /// with its state, and a stay id: "ST-", six digits and a Luhn digit.
    /// </summary>
    private static List<string> Stays(int count)
    {
        var lines = new List<string> { "admitted,discharged,price,quantity,total,city,state,stay_id" };
        var start = new DateTime(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var admitted = start.AddDays(i * 7 % 330);
            var discharged = admitted.AddDays(1 + i * 13 % 20);
            var price = 5m + i * 37 % 900 / 10m + 0.25m;
            var quantity = 1 + i * 5 % 9;
            var (city, state) = Places[i * 3 % Places.Length];
            var number = (100_000 + i * 17).ToString(CultureInfo.InvariantCulture);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{admitted:yyyy-MM-dd},{discharged:yyyy-MM-dd},{price:0.00},{quantity},{price * quantity:0.00},{city},{state},ST-{number}{Luhn(number)}"));
        }
        return lines;
    }

    /// <summary>The project XML that compiles against the runtime and runs the generator from this repository's binaries, keeping the generated files.</summary>
    private const string Consumes = """
        <PropertyGroup><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles></PropertyGroup>
        <ItemGroup>
          <Reference Include="$(SynthFixturesRepository)/src/SynthFixtures/bin/$(SynthFixturesRepositoryConfiguration)/net10.0/SynthFixtures.dll" />
          <Analyzer Include="$(SynthFixturesRepository)/analyzers/SynthFixtures.Generators/bin/$(SynthFixturesRepositoryConfiguration)/netstandard2.0/SynthFixtures.Generators.dll" />
        </ItemGroup>
        """;

    private static object Get(object item, string property) => item.GetType().GetProperty(property)!.GetValue(item)!;

    /// <summary><paramref name="count"/> objects of the generated <c>Synth</c> of <paramref name="typeName"/>, from the built assembly in its own load context.</summary>
    private static List<object> Objects(string assemblyPath, string typeName, int count)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("rules-consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var type = context.LoadFromStream(new MemoryStream(File.ReadAllBytes(assemblyPath))).GetType(typeName)!;
            var synth = type.GetProperty("Synth")!.GetValue(null)!;
            var taken = synth.GetType().GetMethod("Take", [typeof(int)])!.Invoke(synth, [count])!;
            return ((IEnumerable)taken).Cast<object>().ToList();
        }
        finally
        {
            context.Unload();
        }
    }
}
