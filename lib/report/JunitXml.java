package conform.report;

import com.fasterxml.jackson.databind.JsonNode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML from results.json, for CI systems: one testsuite per plugin × runtime, one testcase per test
 * (classname = model). failed and xpass → failure; error and timeout → error; skipped and xfail → skipped.
 * Attempts, flakiness and latencies are testcase properties.
 */
public final class JunitXml {

    public static final String FILE_NAME = "junit.xml";

    private JunitXml() {}

    public static String render(JsonNode results) {
        Map<String, List<JsonNode>> suites = new LinkedHashMap<>();
        for (JsonNode r : results.path("results")) {
            suites.computeIfAbsent(r.path("plugin").asText() + " (" + r.path("runtime").asText() + ")", k -> new java.util.ArrayList<>()).add(r);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "conform");
            xml.writeAttribute("tests", String.valueOf(results.path("results").size()));
            xml.writeAttribute("time", seconds(results.path("wall_ms").asLong()));
            for (Map.Entry<String, List<JsonNode>> suite : suites.entrySet()) suite(xml, suite.getKey(), suite.getValue());
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static void suite(XMLStreamWriter xml, String name, List<JsonNode> tests) throws XMLStreamException {
        long failures = tests.stream().filter(t -> List.of("failed", "xpass").contains(status(t))).count();
        long errors = tests.stream().filter(t -> List.of("error", "timeout").contains(status(t))).count();
        long skipped = tests.stream().filter(t -> List.of("skipped", "xfail").contains(status(t))).count();
        long millis = tests.stream().mapToLong(t -> t.path("latency_ms").asLong(0)).sum();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(tests.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(millis));
        for (JsonNode t : tests) testcase(xml, t);
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, JsonNode t) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", t.path("model").asText());
        xml.writeAttribute("name", t.path("test").asText());
        xml.writeAttribute("time", seconds(t.path("latency_ms").asLong(0)));
        xml.writeCharacters("\n      ");
        xml.writeStartElement("properties");
        property(xml, "attempts", t.path("attempts").asText());
        property(xml, "flaky", t.path("flaky").asText());
        property(xml, "latency_ms", t.path("latency_ms").asText());
        property(xml, "first_chunk_ms", t.path("first_chunk_ms").asText());
        xml.writeCharacters("\n      ");
        xml.writeEndElement();
        String status = status(t);
        String message = t.path("error").asText("");
        String element = switch (status) {
            case "failed", "xpass" -> "failure";
            case "error", "timeout" -> "error";
            case "skipped", "xfail" -> "skipped";
            default -> null;
        };
        if (element != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement(element);
            xml.writeAttribute("message", firstLine((status.equals("xfail") ? "known failure: " : "") + message));
            if (!element.equals("skipped")) {
                xml.writeAttribute("type", status);
                xml.writeCharacters(message);
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value.isEmpty() || value.equals("null")) return;
        xml.writeCharacters("\n        ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String status(JsonNode t) {
        return t.path("status").asText();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
