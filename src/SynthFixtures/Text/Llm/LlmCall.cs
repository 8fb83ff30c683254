using System.Net;
using Microsoft.Extensions.AI;
using SynthFixtures.Randomness;

namespace SynthFixtures.Text.Llm;

/// <summary>One response for one candidate of one cell, from the cache or the network.</summary>
/// <param name="Text">The response, trimmed.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="Replayed">Whether it came from the cache.</param>
internal sealed record LlmResponse(string Text, long InputTokens, long OutputTokens, bool Replayed);

/// <summary>
/// Makes one chat call with the policy's retries: transient errors (rate limits, server errors, dropped connections,
/// timeouts) are retried after an exponential backoff whose jitter comes from the seed, so a rerun waits the same; any
/// other error, or the last attempt's, is a <see cref="SynthDataException"/> naming the row and column.
/// </summary>
internal static class LlmCall
{
    public static async Task<ChatResponse> WithRetriesAsync(LlmChat chat, IReadOnlyList<ChatMessage> messages, ChatOptions options,
        LlmCallPolicy policy, SynthRandom jitter, string where, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(policy.CallTimeout);
                try
                {
                    return await chat.Client.GetResponseAsync(messages, options.Clone(), timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"no answer within {policy.CallTimeout.TotalSeconds:0.###} s", e);
                }
                catch (Exception e) when (e is not OperationCanceledException and not SynthDataException)
                {
                    if (!IsTransient(e, chat))
                        throw new SynthDataException($"The LLM call for {where} failed: {OneLine(e)}",
                            hint: "Check the model name, endpoint and key; the error is not one that a retry would fix.", inner: e);
                    failure = e;
                }
            }
            if (attempt >= policy.MaxAttempts)
                throw new SynthDataException($"The LLM call for {where} failed {attempt} time(s); the last error: {OneLine(failure)}",
                    hint: "The service is overloaded or unreachable: try again later, lower the concurrency, or allow more attempts.", inner: failure);
            await Task.Delay(Backoff(policy, attempt, jitter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: first × 2^(attempt−1), at most the maximum, times a seeded 50–100 %.</summary>
    internal static TimeSpan Backoff(LlmCallPolicy policy, int attempt, SynthRandom jitter)
    {
        var full = Math.Min(policy.MaxBackoff.TotalMilliseconds, policy.FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(full * (0.5 + 0.5 * jitter.Derive(attempt).NextDouble()));
    }

    /// <summary>Rate limits, server errors, dropped connections and timeouts, anywhere in the chain of causes, or what the client says is transient.</summary>
    internal static bool IsTransient(Exception error, LlmChat chat)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (chat.IsTransient(e)) return true;
            switch (e)
            {
                case HttpRequestException { StatusCode: null }:
                case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout }:
                case HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError }:
                case TimeoutException:
                case IOException:
                    return true;
            }
        }
        return false;
    }

    private static string OneLine(Exception e) => string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
