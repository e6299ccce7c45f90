package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Checks that a test's {@code input} is shaped like a Genkit GenerateRequest before anything is sent, so a typo
 * in a spec is an error at its line rather than a confusing failure from a runtime.
 */
final class RequestShape {

    private static final Set<String> REQUEST_KEYS =
            Set.of("messages", "tools", "toolChoice", "output", "config", "docs", "candidates");
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "metadata");
    private static final Set<String> ROLES = Set.of("user", "model", "system", "tool");
    private static final Set<String> PART_KINDS =
            Set.of("text", "media", "toolRequest", "toolResponse", "reasoning", "data", "custom", "resource");
    private static final Set<String> PART_KEYS = Set.of(
            "text", "media", "toolRequest", "toolResponse", "reasoning", "data", "custom", "resource", "metadata");
    private static final Set<String> TOOL_KEYS =
            Set.of("name", "description", "inputSchema", "outputSchema", "metadata");
    private static final Set<String> OUTPUT_KEYS =
            Set.of("format", "schema", "constrained", "contentType", "instructions");

    private RequestShape() {}

    static void check(SpecContext ctx, JsonNode input, String pointer) {
        ctx.object(input, pointer, "`input`");
        ctx.checkKeys(input, pointer, "`input` (a GenerateRequest)", REQUEST_KEYS);
        JsonNode messages = ctx.array(input.get("messages"), pointer + "/messages", "`input.messages`");
        if (messages.isEmpty()) throw ctx.error(pointer + "/messages", "`input.messages` must not be empty");
        for (int i = 0; i < messages.size(); i++) message(ctx, messages.get(i), pointer + "/messages/" + i);
        if (input.has("tools")) {
            JsonNode tools = ctx.array(input.get("tools"), pointer + "/tools", "`input.tools`");
            for (int i = 0; i < tools.size(); i++) tool(ctx, tools.get(i), pointer + "/tools/" + i);
        }
        if (input.has("output")) {
            JsonNode output = ctx.object(input.get("output"), pointer + "/output", "`input.output`");
            ctx.checkKeys(output, pointer + "/output", "`input.output`", OUTPUT_KEYS);
            if (output.has("format")) ctx.text(output.get("format"), pointer + "/output/format", "`output.format`");
            if (output.has("schema")) ctx.object(output.get("schema"), pointer + "/output/schema", "`output.schema`");
            if (output.has("constrained") && !output.get("constrained").isBoolean()) {
                throw ctx.error(
                        pointer + "/output/constrained",
                        "`output.constrained` must be true or false, got "
                                + SpecContext.kind(output.get("constrained")));
            }
        }
        if (input.has("config")) ctx.object(input.get("config"), pointer + "/config", "`input.config`");
    }

    private static void message(SpecContext ctx, JsonNode message, String pointer) {
        ctx.object(message, pointer, "a message");
        ctx.checkKeys(message, pointer, "a message", MESSAGE_KEYS);
        String role = ctx.text(message.get("role"), pointer + "/role", "a message's `role`");
        if (!ROLES.contains(role))
            throw ctx.error(pointer + "/role", "unknown role \"" + role + "\": use user, model, system or tool");
        JsonNode content = ctx.array(message.get("content"), pointer + "/content", "a message's `content`");
        if (content.isEmpty())
            throw ctx.error(pointer + "/content", "a message's `content` must have at least one part");
        for (int i = 0; i < content.size(); i++) part(ctx, content.get(i), pointer + "/content/" + i);
    }

    private static void part(SpecContext ctx, JsonNode part, String pointer) {
        ctx.object(part, pointer, "a content part");
        ctx.checkKeys(part, pointer, "a content part", PART_KEYS);
        long kinds = PART_KINDS.stream().filter(part::has).count();
        if (kinds != 1)
            throw ctx.error(
                    pointer,
                    "a content part needs exactly one of " + String.join(", ", SpecContext.sorted(PART_KINDS))
                            + ", found " + kinds);
        if (part.has("text") && !part.get("text").isTextual())
            throw ctx.error(pointer + "/text", "`text` must be a string, got " + SpecContext.kind(part.get("text")));
        if (part.has("media")) {
            JsonNode media = ctx.object(part.get("media"), pointer + "/media", "`media`");
            ctx.text(media.get("url"), pointer + "/media/url", "`media.url`");
        }
        for (String kind : new String[] {"toolRequest", "toolResponse"}) {
            if (part.has(kind))
                ctx.text(
                        ctx.object(part.get(kind), pointer + "/" + kind, "`" + kind + "`")
                                .get("name"),
                        pointer + "/" + kind + "/name",
                        "`" + kind + ".name`");
        }
    }

    private static void tool(SpecContext ctx, JsonNode tool, String pointer) {
        ctx.object(tool, pointer, "a tool");
        ctx.checkKeys(tool, pointer, "a tool", TOOL_KEYS);
        ctx.text(tool.get("name"), pointer + "/name", "a tool's `name`");
        if (tool.has("inputSchema"))
            ctx.object(tool.get("inputSchema"), pointer + "/inputSchema", "a tool's `inputSchema`");
    }
}
