package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a model action returned: the GenerateResponse, the streamed chunks (empty when not streaming),
 * the round-trip time, and for streams the time to the first chunk (null when none came).
 */
public record ActionResult(JsonNode response, List<JsonNode> chunks, long latencyMs, Long firstChunkMs) {}
