package conform.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Genkit reflection API conform speaks with a runtime: v1 (HTTP: the runtime serves, and writes a runtime file
 * that says where) or v2 (WebSocket, JSON-RPC: the runtime dials conform). {@link #AUTO} offers v2 and falls back to
 * v1 when the runtime answers the v1 way (a Genkit without v2 ignores the offer).
 */
public enum Transport {
    AUTO,
    V1,
    V2;

    /** As written in conform.toml, on the command line and in results.json: auto, v1, v2. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Transport> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.label().equals(text)).findFirst();
    }
}
