package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

/** What each dialect must read from the conversation that its decoding test sends in that dialect's wire format. */
final class DecodedConversation {

    private DecodedConversation() {}

    /**
     * The system instruction "be brief", three turns (the user's, with {@code image} as the first media; the model's
     * weather call for NY; the tool's result), the weather tool first, and JSON output with an object schema.
     */
    static void assertDecoded(ChatRequest r, byte[] image) {
        assertEquals("be brief", r.system());
        assertEquals(3, r.turns().size());
        assertArrayEquals(image, r.media().get(0).data());
        ChatRequest.ToolCall call = assertInstanceOf(
                ChatRequest.ToolCall.class, r.turns().get(1).content().get(0));
        assertEquals("NY", call.arguments().get("city").asText());
        assertEquals("weather", r.tools().get(0).name());
        assertTrue(r.jsonMode());
        assertEquals("object", r.outputSchema().get("type").asText());
    }
}
