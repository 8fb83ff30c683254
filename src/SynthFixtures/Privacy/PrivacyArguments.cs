using System.Globalization;

namespace SynthFixtures.Privacy;

/// <summary>The accountant's input checks, worded in privacy terms (SynthDataException: these values come from users).</summary>
internal static class PrivacyArguments
{
    public static void CheckSamplingRate(double samplingRate)
    {
        if (!(samplingRate >= 0 && samplingRate <= 1))
            throw Invalid($"The sampling rate must be between 0 and 1 (the share of rows one step reads); got {Show(samplingRate)}.",
                "Use the batch size divided by the number of rows.");
    }

    public static void CheckNoiseMultiplier(double noiseMultiplier)
    {
        if (!(noiseMultiplier >= 0) || double.IsPositiveInfinity(noiseMultiplier))
            throw Invalid($"The noise multiplier must be a finite number ≥ 0 (noise standard deviation over sensitivity); got {Show(noiseMultiplier)}.",
                "Typical DP-SGD values lie between 0.5 and 5.");
    }

    public static void CheckSteps(int steps)
    {
        if (steps < 0)
            throw Invalid($"The number of steps must be ≥ 0; got {steps}.", "Count every noisy release of the mechanism.");
    }

    public static void CheckOrder(double order)
    {
        if (!(order > 1 && order <= MaxOrder))
            throw Invalid($"A Rényi order must be a number above 1 and at most {MaxOrder}; got {Show(order)}.",
                "Orders at or below 1 give no (ε, δ) bound and very high ones no useful one; the default orders run from 1.1 to 63.");
    }

    public static void CheckDelta(double delta)
    {
        if (!(delta > 0 && delta < 1))
            throw Invalid($"δ must lie strictly between 0 and 1; got {Show(delta)}.",
                "Pick δ well below 1/rows, e.g. 1/(rows·√rows); δ = 0 needs pure DP, which Gaussian noise never gives.");
    }

    public static void CheckEpsilon(double epsilon)
    {
        if (!(epsilon > 0) || double.IsPositiveInfinity(epsilon))
            throw Invalid($"ε must be a finite number above 0; got {Show(epsilon)}.", "Smaller ε is more private; 0.1 to 10 is the usual range.");
    }

    public static void CheckRho(double rho)
    {
        if (!(rho >= 0) || double.IsPositiveInfinity(rho))
            throw Invalid($"The zCDP budget ρ must be a finite number ≥ 0; got {Show(rho)}.", null);
    }

    public static void CheckSensitivity(double sensitivity)
    {
        if (!(sensitivity > 0) || double.IsPositiveInfinity(sensitivity))
            throw Invalid($"The sensitivity must be a finite number above 0; got {Show(sensitivity)}.",
                "The L2 sensitivity of a count vector under adding or removing one row is 1.");
    }

    /// <summary>The highest order accepted: the series behind an order sums about as many terms as the order itself.</summary>
    public const double MaxOrder = 10_000;

    public static SynthDataException Invalid(string message, string? hint) => new(message, hint: hint);

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
