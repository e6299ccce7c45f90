package conform.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Reads and writes results.json; a file conform cannot read is an error that names it and says where it breaks. */
public final class ResultsFile {

    public static final String FILE_NAME = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String HINT = "pass a results.json that check-model --report-dir wrote";

    private ResultsFile() {}

    public static ResultsDocument read(Path file) {
        ResultsDocument document;
        try {
            document = JSON.readValue(file.toFile(), ResultsDocument.class);
        } catch (JsonProcessingException e) {
            throw new ConformException(
                    Diagnostic.error("E0015", file.getFileName() + " is not a conform results file: " + problem(e))
                            .at(at(file, e.getLocation()))
                            .hint(HINT));
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0015", "cannot read " + file + ": " + e.getMessage())
                    .at(SourceLocation.of(file))
                    .hint(HINT));
        }
        if (document == null)
            throw new ConformException(Diagnostic.error("E0015", file + " is empty")
                    .at(SourceLocation.of(file))
                    .hint(HINT));
        if (document.schema() > ResultsDocument.SCHEMA) {
            throw new ConformException(Diagnostic.error(
                            "E0015",
                            file.getFileName() + " has schema " + document.schema()
                                    + ", newer than this conform reads (" + ResultsDocument.SCHEMA + ")")
                    .at(SourceLocation.of(file))
                    .hint("use the conform that wrote it"));
        }
        return document;
    }

    /** Writes atomically, so a reader never sees half a file, and no temporary file is left when it fails. */
    public static Path write(Path dir, ResultsDocument document) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(dir, ".results-", ".json");
        try {
            JSON.writeValue(temp.toFile(), document);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** What is wrong, without Jackson's class names and reference chains. */
    private static String problem(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() != null)
            return v.getCause().getMessage();
        String message = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            message = message.replaceAll(" \\(index \\d+\\)", "") + " in " + path(m);
        }
        return message.replace("creator property", "field");
    }

    /** Where in the document, e.g. `results[3]`; a missing field's own name is left to the message. */
    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> refs = m.getPath();
        JsonMappingException.Reference last = refs.get(refs.size() - 1);
        if (last.getFieldName() != null && m.getOriginalMessage().contains("'" + last.getFieldName() + "'"))
            refs = refs.subList(0, refs.size() - 1);
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
        }
        return "`" + sb + "`";
    }

    private static SourceLocation at(Path file, JsonLocation where) {
        return where == null
                ? SourceLocation.of(file)
                : new SourceLocation(file, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0));
    }
}
