package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the three runtimes' ways of saying "it failed" into one {@link ActionFailure}: JS answers 404 text for
 * an unknown action and 200 {@code {"error":{code:13,…}}} otherwise; Python uses gRPC codes and a string
 * {@code error} on 404; Go uses HTTP status numbers as codes inside a 200 envelope. Over reflection v2 the same status
 * travels as a JSON-RPC error's {@code data}.
 */
final class ErrorEnvelope {

    private static final int MAX_MESSAGE = 4000;
    private static final Pattern RETRY_AFTER = Pattern.compile(
            "(?i)retry[-_ ]?after[\"']?\\s*[:=]?\\s*[\"']?(\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds|s|sec|seconds)?");
    private static final Pattern RETRY_DELAY =
            Pattern.compile("(?i)retryDelay[\"']?\\s*[:=]\\s*[\"']?(\\d+(?:\\.\\d+)?)s");

    private ErrorEnvelope() {}

    /** An HTTP status other than 200, with its body and Retry-After header (may be null). */
    static ActionFailure fromHttp(int status, String body, String retryAfterHeader) {
        String text =
                "HTTP " + status + ": " + abbreviate(body == null || body.isBlank() ? "(empty body)" : body.strip());
        Duration wait = retryAfterHeader != null ? parseRetryAfterHeader(retryAfterHeader) : retryAfterIn(body);
        if (status == 404) return new ActionFailure(ActionFailure.Kind.NOT_FOUND, text, null);
        if (status == 400 || status == 413 || status == 422)
            return new ActionFailure(ActionFailure.Kind.INVALID_REQUEST, text, null);
        return new ActionFailure(ActionFailure.Kind.HTTP_ERROR, text, wait);
    }

    /** The {@code error} member of a 200 envelope: an object {code, message, details} or a plain string. */
    static ActionFailure fromEnvelope(JsonNode error) {
        if (error.isTextual())
            return new ActionFailure(
                    ActionFailure.Kind.ACTION_ERROR, abbreviate(error.asText()), retryAfterIn(error.asText()));
        String message = error.path("message").asText(error.toString());
        int code = error.path("code").asInt(-1);
        String upper = message.toUpperCase(Locale.ROOT);
        ActionFailure.Kind kind = ActionFailure.Kind.ACTION_ERROR;
        if (code == 5 || code == 404 || upper.startsWith("NOT_FOUND")) kind = ActionFailure.Kind.NOT_FOUND;
        else if (code == 3 || code == 400 || upper.startsWith("INVALID_ARGUMENT"))
            kind = ActionFailure.Kind.INVALID_REQUEST;
        return new ActionFailure(kind, abbreviate(message), retryAfterIn(message + " " + error.path("details")));
    }

    /**
     * A JSON-RPC error from a v2 runtime: -32000 carries the action's status {code, message, details} in {@code data},
     * as v1's envelope does; -32602 is an unknown action ("action … not found") or a bad request; any other code is
     * not the protocol conform speaks.
     */
    static ActionFailure fromJsonRpc(JsonNode error) {
        int code = error.path("code").asInt(0);
        String message = error.path("message").asText(error.toString());
        if (code == -32000) return fromEnvelope(error.path("data").isObject() ? error.get("data") : error);
        if (code == -32602)
            return new ActionFailure(
                    message.contains("not found") ? ActionFailure.Kind.NOT_FOUND : ActionFailure.Kind.INVALID_REQUEST,
                    abbreviate(message),
                    null);
        return new ActionFailure(
                ActionFailure.Kind.PROTOCOL, "JSON-RPC error " + code + ": " + abbreviate(message), null);
    }

    static Duration parseRetryAfterHeader(String value) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException httpDate) {
            try {
                var when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }

    /** A retry delay mentioned in an error text ("retry-after: 2", "Retry after 500ms", Gemini's "retryDelay": "3s"). */
    static Duration retryAfterIn(String text) {
        if (text == null) return null;
        Matcher delay = RETRY_DELAY.matcher(text);
        if (delay.find()) return Duration.ofMillis(Math.round(Double.parseDouble(delay.group(1)) * 1000));
        Matcher m = RETRY_AFTER.matcher(text);
        if (!m.find()) return null;
        double amount = Double.parseDouble(m.group(1));
        boolean millis =
                m.group(2) != null && m.group(2).toLowerCase(Locale.ROOT).startsWith("m");
        return Duration.ofMillis(Math.round(millis ? amount : amount * 1000));
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE
                ? text
                : text.substring(0, MAX_MESSAGE) + "… (" + (text.length() - MAX_MESSAGE) + " more characters)";
    }
}
