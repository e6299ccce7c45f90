package conform.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;

/**
 * One provider's wire protocol, as the plugins call it: which requests it serves, how it decodes them into a
 * {@link ChatRequest}, and how it writes the {@link ChatReply} back (JSON, SSE or NDJSON).
 */
public interface Dialect {

    EmulatorDialect kind();

    /**
     * Whether this dialect serves {@code method path} (path without the query string). The headers tell apart
     * dialects that share a path on this one host (OpenAI and Anthropic both list models at GET /v1/models).
     */
    boolean serves(String method, String path, Headers headers);

    /** Anthropic's SDKs send this header on every call. */
    static boolean fromAnthropicSdk(Headers headers) {
        return headers.containsKey("anthropic-version");
    }

    /**
     * Google's Gemini clients send their key in this header (google-genai {@code _api_client.py}, the JS plugin's
     * fetch client, google.golang.org/genai), and the SDKs also name themselves in {@code x-goog-api-client}.
     */
    static boolean fromGoogleSdk(Headers headers) {
        return headers.containsKey("x-goog-api-key") || headers.containsKey("x-goog-api-client");
    }

    /**
     * Answers one request. {@code exchange}'s body is unread; use {@code emulator} for the reference model,
     * the known model names, fault injection and the request log.
     */
    void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException;

    /** The provider's name for a concept, for explanations ("the request had no `tools`"). */
    String fieldName(Concept concept);

    /** What a conformance case needs from a provider request. */
    enum Concept {
        SYSTEM,
        TOOLS,
        JSON_SCHEMA,
        HISTORY,
        IMAGE,
        VIDEO,
        THOUGHTS,
        IMAGE_OUTPUT,
        AUDIO_OUTPUT
    }
}
