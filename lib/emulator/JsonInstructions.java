package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON output asked for in words rather than through the API's structured-output field: what Genkit does for a model
 * that declares no constrained output. Genkit JS appends "Output should be in JSON format and conform to the
 * following schema:" and the schema in a fence to the prompt; the Python Anthropic plugin puts "Output valid JSON …
 * Follow this JSON schema:" and the schema in {@code system}. A model follows such instructions, and so does the
 * reference model.
 *
 * @param schema the schema the instructions give, or null when they ask for JSON without one
 */
record JsonInstructions(JsonNode schema) {

    private static final Pattern GENKIT_JS =
            Pattern.compile("(?s)Output should be in JSON format and conform to the following"
                    + " schema:\\s*```(?:json)?\\s*(\\{.*?})\\s*```");
    private static final Pattern ASKS_JSON = Pattern.compile("(?i)output valid json");
    private static final Pattern SCHEMA_AFTER = Pattern.compile("(?is)follow this json schema:\\s*(\\{.*})\\s*$");

    /** The JSON output the request's system instruction or user messages ask for, or null when they ask for none. */
    static JsonInstructions in(ChatRequest request) {
        List<String> texts = new ArrayList<>();
        if (request.system() != null) texts.add(request.system());
        for (ChatRequest.Turn turn : request.turns())
            if (turn.role() == ChatRequest.Role.USER)
                for (ChatRequest.Content c : turn.content()) if (c instanceof ChatRequest.Text t) texts.add(t.text());
        for (String text : texts) {
            Matcher genkit = GENKIT_JS.matcher(text);
            if (genkit.find()) return new JsonInstructions(parse(genkit.group(1)));
            if (ASKS_JSON.matcher(text).find()) {
                Matcher schema = SCHEMA_AFTER.matcher(text);
                return new JsonInstructions(schema.find() ? parse(schema.group(1)) : null);
            }
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return Wire.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
