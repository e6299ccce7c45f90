package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Bedrock's Converse API refuses, from the service model botocore 1.44 ships
 * ({@code botocore/data/bedrock-runtime/2023-09-30/service-2.json}: {@code ConverseRequest}, {@code Message},
 * {@code ContentBlock}, {@code ToolResultBlock}…); each rule is in docs/emulator.md. Answered as REST-JSON errors:
 * the status, {@code x-amzn-ErrorType} and {@code {"message": …}}.
 */
final class BedrockRules {

    /** {@code ConverseRequest}'s members (modelId travels in the path). */
    static final Set<String> FIELDS = Set.of(
            "messages",
            "system",
            "inferenceConfig",
            "toolConfig",
            "guardrailConfig",
            "additionalModelRequestFields",
            "promptVariables",
            "additionalModelResponseFieldPaths",
            "requestMetadata",
            "performanceConfig",
            "serviceTier",
            "outputConfig");

    /** {@code ContentBlock}: a union, one member per block. */
    private static final Set<String> BLOCKS = Set.of(
            "text",
            "image",
            "document",
            "video",
            "audio",
            "toolUse",
            "toolResult",
            "guardContent",
            "cachePoint",
            "reasoningContent",
            "citationsContent",
            "searchResult",
            "toolAddition",
            "toolRemoval");

    private BedrockRules() {}

    /** The first rule the request breaks, or null. */
    static Violation check(JsonNode body, String model, boolean signed, List<String> models) {
        if (!signed)
            return new Violation(
                    403,
                    "AccessDeniedException",
                    "bedrock/signed",
                    "Missing Authentication Token (no SigV4 Authorization)");
        if (!Violation.served(models, model))
            return new Violation(
                    404,
                    "ResourceNotFoundException",
                    "bedrock/known-model",
                    "Could not resolve the foundation model from the provided model identifier " + model + ".");
        String extra = Violation.unknownField(body, FIELDS);
        if (extra != null)
            return invalid("known-fields", "Unknown parameter in input: \"" + extra + "\", must be one of: " + FIELDS);
        JsonNode messages = body.path("messages");
        Set<String> previousToolUses = Set.of();
        for (int m = 0; m < messages.size(); m++) {
            JsonNode message = messages.get(m);
            String role = message.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant"))
                return invalid(
                        "roles",
                        "messages." + m + ".role: Value '" + role
                                + "' failed to satisfy constraint: Member must satisfy enum value set: [user,"
                                + " assistant]");
            if (!message.path("content").isArray())
                return invalid("content-blocks", "messages." + m + ".content: Member must not be null");
            Set<String> toolUses = new HashSet<>();
            for (int b = 0; b < message.path("content").size(); b++) {
                JsonNode block = message.path("content").get(b);
                String at = "messages." + m + ".content." + b;
                if (block.size() != 1 || !BLOCKS.contains(block.fieldNames().next()))
                    return invalid("content-blocks", at + ": a content block must set exactly one of " + BLOCKS);
                JsonNode use = block.path("toolUse");
                if (!use.isMissingNode()) {
                    for (String field : List.of("toolUseId", "name", "input"))
                        if (use.path(field).isMissingNode())
                            return invalid("content-blocks", at + ".toolUse." + field + ": Member must not be null");
                    toolUses.add(use.path("toolUseId").asText());
                }
                JsonNode result = block.path("toolResult");
                if (!result.isMissingNode()) {
                    if (!result.path("content").isArray())
                        return invalid("content-blocks", at + ".toolResult.content: Member must not be null");
                    if (!previousToolUses.contains(result.path("toolUseId").asText()))
                        return invalid(
                                "tool-result-answers-tool-use",
                                "The toolResult blocks at " + at + " contain a toolUseId ("
                                        + result.path("toolUseId").asText()
                                        + ") that the toolUse blocks of the previous turn do not.");
                }
            }
            previousToolUses = role.equals("assistant") ? toolUses : Set.of();
        }
        return null;
    }

    private static Violation invalid(String rule, String detail) {
        return Violation.badRequest("ValidationException", "bedrock/" + rule, detail);
    }
}
