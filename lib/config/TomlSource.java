package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import conform.diag.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** A parsed TOML file with typed look-ups whose failures name the key, the file, the line and the column. */
final class TomlSource {

    final Path file;
    private final TomlParseResult root;

    TomlSource(Path file, TomlParseResult root) {
        this.file = file;
        this.root = root;
    }

    static String dotted(List<String> path) {
        return String.join(
                ".",
                path.stream()
                        .map(k -> k.matches("[A-Za-z0-9_-]+") ? k : '"' + k + '"')
                        .toList());
    }

    static List<String> child(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    /** Where {@code path} is written; inside an array of tables (a setup step, a known failure), the item's line. */
    SourceLocation location(List<String> path) {
        TomlPosition position = null;
        int item = -1;
        for (int i = path.size() - 1; i >= 0 && item < 0; i--) if (path.get(i).matches("\\d+")) item = i;
        if (item > 0
                && root.get(path.subList(0, item)) instanceof TomlArray array
                && Integer.parseInt(path.get(item)) < array.size()) {
            int index = Integer.parseInt(path.get(item));
            List<String> inside = path.subList(item + 1, path.size());
            // A key of the item where it is written, else the item itself.
            if (!inside.isEmpty() && array.get(index) instanceof TomlTable table)
                position = table.inputPositionOf(inside);
            if (position == null) position = array.inputPositionOf(index);
        } else if (item < 0 && !path.isEmpty()) {
            position = root.inputPositionOf(path);
        }
        return position == null
                ? SourceLocation.of(file)
                : new SourceLocation(file, position.line(), position.column());
    }

    ConformException invalid(List<String> path, String expectation, Object got) {
        return new ConformException(Diagnostic.error(
                        "E0102", "`" + dotted(path) + "` must be " + expectation + ", got " + describe(got))
                .at(location(path))
                .hint("fix the value in " + file.getFileName() + "; see the Configuration section of the README"));
    }

    ConformException unknownKey(List<String> path, Collection<String> known) {
        String key = path.get(path.size() - 1);
        return new ConformException(
                Diagnostic.error("E0103", "unknown key `" + dotted(path) + "`" + Suggest.didYouMean(key, known))
                        .at(location(path))
                        .note("known keys here: " + String.join(", ", known)));
    }

    /** conform reads one table, {@code [conform]}; anything else at the top of the file would be ignored, so it is an error. */
    void checkTopLevel(String only) {
        for (String key : root.keySet()) {
            if (key.equals(only)) continue;
            List<String> path = List.of(key);
            boolean isTable = root.get(path) instanceof TomlTable;
            throw new ConformException(Diagnostic.error(
                            "E0103",
                            isTable
                                    ? "unknown table `[" + dotted(path) + "]`"
                                            + Suggest.closest(key, List.of(only))
                                                    .map(k -> " (did you mean `[" + k + "]`?)")
                                                    .orElse("")
                                    : "`" + dotted(path) + "` stands outside the [" + only + "] table")
                    .at(location(path))
                    .hint("conform reads only [" + only + "] and the tables below it ([" + only + ".env], [" + only
                            + ".runtimes.js], …)"));
        }
    }

    /** Rejects a key of {@code table} (written at {@code path}) that is not in {@code allowed}, suggesting the nearest. */
    void checkKeys(List<String> path, TomlTable table, Collection<String> allowed) {
        for (String key : table.keySet())
            if (!allowed.contains(key)) throw unknownKey(child(path, key), new TreeSet<>(allowed));
    }

    TomlTable table(List<String> path) {
        Object value = value(path);
        if (value == null) return null;
        if (value instanceof TomlTable t) return t;
        throw invalid(path, "a table", value);
    }

    String string(List<String> path) {
        Object value = value(path);
        if (value == null || value instanceof String) return (String) value;
        throw invalid(path, "a string", value);
    }

    /** A boolean, false when absent. */
    boolean bool(List<String> path) {
        Object value = value(path);
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        throw invalid(path, "true or false", value);
    }

    List<String> stringList(List<String> path) {
        Object value = value(path);
        if (value == null) return null;
        if (!(value instanceof TomlArray array)) throw invalid(path, "a list of strings", value);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) throw invalid(path, "a list of strings", array.get(i));
            out.add(s);
        }
        return out;
    }

    boolean has(List<String> path) {
        return value(path) != null;
    }

    /**
     * The array of tables at {@code path} ({@code [[x]]} or {@code x = [{…}]}; absent means none): each item must be a
     * table with only {@code allowed} keys, and is read by {@code read} from its own path (…, "x", "0").
     */
    <T> List<T> tables(List<String> path, String expectation, Set<String> allowed, Function<List<String>, T> read) {
        Object value = value(path);
        if (value == null) return List.of();
        if (!(value instanceof TomlArray array)) throw invalid(path, expectation, value);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            List<String> item = child(path, String.valueOf(i));
            if (!(array.get(i) instanceof TomlTable table)) throw invalid(item, expectation, array.get(i));
            checkKeys(item, table, allowed);
            out.add(read.apply(item));
        }
        return List.copyOf(out);
    }

    /** The table at {@code path} (absent: empty) as key → what {@code read} makes of the entry at (…, key). */
    <T> Map<String, T> entries(List<String> path, Function<List<String>, T> read) {
        TomlTable table = table(path);
        Map<String, T> out = new LinkedHashMap<>();
        if (table != null) for (String key : table.keySet()) out.put(key, read.apply(child(path, key)));
        return out;
    }

    /** The value at {@code path}, where a number selects an item of an array; null when absent. */
    private Object value(List<String> path) {
        Object current = root;
        for (String key : path) {
            if (current instanceof TomlTable table) current = table.get(List.of(key));
            else if (current instanceof TomlArray array && key.matches("\\d+") && Integer.parseInt(key) < array.size())
                current = array.get(Integer.parseInt(key));
            else return null;
            if (current == null) return null;
        }
        return current;
    }

    /** A directory the file names, relative to the file; it must exist, or a typo would quietly find nothing. */
    Path directory(List<String> path) {
        String value = string(path);
        if (value == null) return null;
        if (value.isBlank()) throw invalid(path, "a non-empty path", value);
        Path dir = file.toAbsolutePath().getParent().resolve(value).normalize();
        if (!Files.isDirectory(dir)) {
            throw new ConformException(Diagnostic.error(
                            "E0102",
                            "`" + dotted(path) + "` names " + dir + ", which "
                                    + (Files.exists(dir) ? "is not a directory" : "does not exist"))
                    .at(location(path))
                    .hint("fix the path (relative to " + file.getFileName() + "'s directory) or create the directory"));
        }
        return dir;
    }

    /** A setting's value, checked against its kind; TOML booleans are never numbers here. */
    Number setting(List<String> path, Setting setting) {
        Object value = value(path);
        String expectation = setting.expectation();
        if (!(value instanceof Long) && !(value instanceof Double)) throw invalid(path, expectation, value);
        if (setting.kind.isInteger() && value instanceof Double) throw invalid(path, expectation, value);
        if (!setting.accepts((Number) value)) throw invalid(path, expectation, value);
        return setting.kind.isInteger()
                ? (Number) Integer.valueOf(((Long) value).intValue())
                : ((Number) value).doubleValue();
    }

    private static String describe(Object value) {
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof TomlTable) return "a table";
        if (value instanceof TomlArray) return "a list";
        if (value instanceof Boolean b) return "the boolean " + b;
        return String.valueOf(value);
    }
}
