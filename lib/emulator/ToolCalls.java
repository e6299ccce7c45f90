package conform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.emulator.ChatRequest.Tool;
import conform.emulator.ChatRequest.ToolChoice;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool call a request asks for, as a model makes it: none when the tool choice says none or the conversation
 * ends with a tool's result; the named tool when the choice names one; else the tool the prompt mentions (by name,
 * or "the tool" for the first), and when the choice requires a call and the prompt mentions none, the first allowed.
 * Arguments are every required property, shaped by its schema and taken from the prompt where it says them.
 */
final class ToolCalls {

    /** Property names that ask for a place, which the prompt gives after "in", "at", "for" or "to". */
    private static final Set<String> PLACES =
            Set.of("city", "location", "place", "town", "country", "region", "destination", "where", "address");

    private static final Pattern PLACE =
            Pattern.compile("\\b(?:in|at|for|to|of) ((?:[A-Z][\\p{L}.'-]*)(?: [A-Z][\\p{L}.'-]*)*)");
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{1,80})[\"”']");
    private static final Pattern NUMBER = Pattern.compile("-?\\b\\d+(?:\\.\\d+)?\\b");

    private ToolCalls() {}

    /** The tool to call, or null for a text answer. */
    static Tool choose(ChatRequest request) {
        ToolChoice choice = request.toolChoice();
        List<Tool> allowed = request.tools().stream()
                .filter(t -> choice.names().isEmpty() || choice.names().contains(t.name()))
                .toList();
        if (allowed.isEmpty() || choice.mode() == ToolChoice.Mode.NONE || request.endsWithToolResult()) return null;
        if (choice.mode() == ToolChoice.Mode.REQUIRED && allowed.size() == 1) return allowed.get(0);
        String prompt = String.join(" ", request.trailingUserTexts()).toLowerCase(Locale.ROOT);
        for (Tool tool : allowed) if (mentions(prompt, tool.name())) return tool;
        if (choice.mode() == ToolChoice.Mode.REQUIRED || prompt.matches("(?s).*\\btools?\\b.*")) return allowed.get(0);
        return null;
    }

    /** The arguments of a call to {@code tool}, from the request's prompt. */
    static ObjectNode arguments(Tool tool, ChatRequest request) {
        String prompt = request.lastUserText();
        return Schemas.argumentsFor(tool.inputSchema(), property -> valueFor(property, prompt));
    }

    private static String valueFor(String property, String prompt) {
        String lower = property.toLowerCase(Locale.ROOT);
        Matcher place = PLACE.matcher(prompt);
        if (PLACES.stream().anyMatch(lower::contains) && place.find())
            return place.group(1).replaceAll("[.?!]+$", "");
        Matcher quoted = QUOTED.matcher(prompt);
        if (quoted.find()) return quoted.group(1);
        Matcher number = NUMBER.matcher(prompt);
        if (lower.matches(".*(count|number|amount|age|year).*") && number.find()) return number.group();
        return place.find(0) ? place.group(1) : "Genkit";
    }

    /** The prompt names the tool: its name, or its words (get_weather, getWeather: "weather"). */
    private static boolean mentions(String prompt, String name) {
        if (prompt.contains(name.toLowerCase(Locale.ROOT))) return true;
        for (String word : name.split("[_\\-.]|(?<=[a-z])(?=[A-Z])")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.length() > 3
                    && !Set.of("get", "fetch", "tool", "call", "lookup").contains(w)
                    && prompt.contains(w)) return true;
        }
        return false;
    }
}
