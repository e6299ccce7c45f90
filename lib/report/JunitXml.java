package conform.report;

import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import conform.runtime.SourceRevision;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML from a run's results, for CI systems: one testsuite per plugin × runtime, one testcase per test
 * (classname = model). failed and xpass → failure; error and timeout → error; skipped and xfail → skipped.
 * Attempts, flakiness and latencies are testcase properties; each local source a run used instead of a published
 * package is a property of its testsuite.
 */
public final class JunitXml {

    public static final String FILE_NAME = "junit.xml";

    private JunitXml() {}

    public static String render(ResultsDocument results) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "conform");
            xml.writeAttribute("tests", String.valueOf(results.testCount()));
            xml.writeAttribute("time", seconds(results.wallMs()));
            for (RunResult run : results.runs()) if (!run.tests().isEmpty()) suite(xml, run);
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    /**
     * One plugin run; its own verdict is a property, and a run whose every test is a known failure says so in its
     * output too, so a CI page that shows it as all skipped is not read as a working plugin.
     */
    private static void suite(XMLStreamWriter xml, RunResult run) throws XMLStreamException {
        List<TestResult> tests = run.tests();
        long failures = tests.stream()
                .filter(t -> element(t.status()).equals("failure"))
                .count();
        long errors =
                tests.stream().filter(t -> element(t.status()).equals("error")).count();
        long skipped = tests.stream()
                .filter(t -> element(t.status()).equals("skipped"))
                .count();
        long millis = tests.stream()
                .mapToLong(t -> t.latencyMs() == null ? 0 : t.latencyMs())
                .sum();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", run.plugin() + " (" + run.runtime() + ")");
        xml.writeAttribute("tests", String.valueOf(tests.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(millis));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "conform.run-status", run.status().label());
        property(xml, "conform.runner", run.runner().label());
        for (SourceRevision source : run.sources()) property(xml, "conform.local-source", source.describe());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (TestResult t : tests) testcase(xml, t);
        if (run.status() == RunStatus.XFAIL) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(
                    "every test of " + run.plugin() + " in " + run.runtime() + " is a known failure: nothing passed");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, TestResult t) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", t.model());
        xml.writeAttribute("name", t.test());
        xml.writeAttribute("time", seconds(t.latencyMs() == null ? 0 : t.latencyMs()));
        xml.writeCharacters("\n      ");
        xml.writeStartElement("properties");
        property(xml, "attempts", t.attempts());
        property(xml, "flaky", t.flaky());
        property(xml, "latency_ms", t.latencyMs());
        property(xml, "first_chunk_ms", t.firstChunkMs());
        xml.writeCharacters("\n      ");
        xml.writeEndElement();
        String message = t.error() == null ? "" : t.error();
        String element = element(t.status());
        if (!element.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement(element);
            xml.writeAttribute(
                    "message", firstLine((t.status() == TestStatus.XFAIL ? "known failure: " : "") + message));
            if (!element.equals("skipped")) {
                xml.writeAttribute("type", t.status().label());
                xml.writeCharacters(message);
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** The JUnit element for a verdict: failed and xpass fail, error and timeout err, skipped and xfail are skipped. */
    private static String element(TestStatus status) {
        return switch (status) {
            case FAILED, XPASS -> "failure";
            case ERROR, TIMEOUT -> "error";
            case SKIPPED, XFAIL, INTERRUPTED -> "skipped";
            case PASSED -> "";
        };
    }

    private static void property(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) return;
        xml.writeCharacters("\n        ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", String.valueOf(value));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
