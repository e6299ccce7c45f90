package conform.runner;

import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A verdict of genkit dev:test-model in conform's terms. The CLI says "Passed", or "Failed" with a message; which check
 * failed shows in the message's wording alone, and the wording of its validators is conform's (conform ported them):
 * <ul>
 *   <li>a message of one of the test's validators is a failed test, reported as conform reports one, after the
 *       validator that said it ({@code valid-json: Model did not return text content for JSON. …});
 *   <li>"Streaming requested but no chunks received." is a failed test, as it is in conform;
 *   <li>the CLI's check of the whole response against Genkit's schema (which conform does not make) is a failed test;
 *   <li>anything else is an error: the model call failed. It is reported by its first line without the error's class
 *       name, as conform reports an action error: what follows is a JS runtime's stack, or what the CLI printed as it
 *       crashed, both left to the CLI's log. When the CLI printed only the error's details ({@code {"traceId":"…"}}:
 *       Python and Go runtimes) the message is lost, which the verdict says, until the CLI's trace of the call
 *       gives it ({@link #withTracedMessage}).
 * </ul>
 *
 * @param messageLost the CLI printed no message for the error: a known-failure record can be held to its status only
 */
record CanonicalVerdict(TestStatus status, String error, boolean messageLost) {

    static final String NO_CHUNKS = "Streaming requested but no chunks received.";
    private static final String STREAM_EMPTY = "Streaming expected but no chunks were received";
    private static final List<String> TOOL_REQUEST = List.of(
            "Response missing message content.", "Model did not return a tool request.", "Expected tool request '");
    /** How each of the CLI's validators words its failures (genkit-cli 1.43.0, commands/dev-test-model.js). */
    private static final Map<String, List<String>> VALIDATOR_MESSAGES = Map.of(
            "has-tool-request", TOOL_REQUEST,
            "valid-json",
                    List.of(
                            "Response missing message content.",
                            "Model did not return text content for JSON.",
                            "Response text is not valid JSON."),
            "text-includes", List.of("Response text does not include '"),
            "text-starts-with", List.of("Response text does not start with '"),
            "text-not-empty", List.of("Response text is empty"),
            "stream-text-includes", List.of(STREAM_EMPTY, "Streaming response did not include "),
            "stream-has-tool-request",
                    concat(List.of(STREAM_EMPTY, "No tool request found in the streamed chunks"), TOOL_REQUEST),
            "stream-valid-json",
                    List.of(STREAM_EMPTY, "Streamed response contained no text", "Streamed text is not valid JSON: "),
            "valid-media",
                    List.of(
                            "Model did not return ",
                            "Expected ",
                            "Media part missing URL",
                            "Invalid data URL content type for image",
                            "Invalid URL: ",
                            "Unknown URL format: "),
            "reasoning", List.of("Response is missing message content", "reasoning content not found"));

    /** A zod error: the CLI parses every answer with Genkit's GenerateResponseSchema before its validators. */
    private static final Pattern SCHEMA_ERROR = Pattern.compile("(?s)\\[\\s*\\{\\s*\"(code|expected|received)\".*");

    private static final Pattern ERROR_CLASS = Pattern.compile("^[A-Za-z]*Error: ");
    private static final Pattern DETAILS_ONLY = Pattern.compile("(?s)\\{.*\\}");
    private static final Pattern TRACE_ID = Pattern.compile("\"traceId\"\\s*:\\s*\"([0-9a-fA-F]+)\"");

    static CanonicalVerdict passed() {
        return new CanonicalVerdict(TestStatus.PASSED, null, false);
    }

    static CanonicalVerdict of(TestCase test, String failure) {
        if (failure == null) return passed();
        if (failure.equals(NO_CHUNKS)) return new CanonicalVerdict(TestStatus.FAILED, failure, false);
        for (ValidatorRef ref : test.validators()) {
            List<String> wordings = VALIDATOR_MESSAGES.getOrDefault(ref.name(), List.of());
            if (wordings.stream().anyMatch(failure::startsWith))
                return new CanonicalVerdict(TestStatus.FAILED, ref + ": " + failure, false);
        }
        if (SCHEMA_ERROR.matcher(failure).matches())
            return new CanonicalVerdict(TestStatus.FAILED, "response schema: " + failure, false);
        if (DETAILS_ONLY.matcher(failure).matches())
            return new CanonicalVerdict(
                    TestStatus.ERROR,
                    "genkit dev:test-model printed no message for this error, only its details: " + failure,
                    true);
        String firstLine = failure.lines().findFirst().orElse("");
        return new CanonicalVerdict(
                TestStatus.ERROR, ERROR_CLASS.matcher(firstLine).replaceFirst(""), false);
    }

    /** The trace the details of a lost-message error name (Go's always, Python's sometimes). */
    Optional<String> traceId() {
        if (!messageLost) return Optional.empty();
        Matcher m = TRACE_ID.matcher(error);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * This lost-message error with the runtime's own message, read from the CLI's trace of the call; still judged by
     * its status alone, as the CLI did not say it.
     */
    CanonicalVerdict withTracedMessage(String message) {
        return messageLost() ? new CanonicalVerdict(status, message, true) : this;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
