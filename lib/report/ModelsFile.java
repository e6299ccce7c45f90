package conform.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import conform.models.Feature;
import conform.models.ModelInventory;
import conform.models.ModelListing;
import conform.models.ModelRecord;
import conform.models.ModelRow;
import conform.models.PluginModels;
import conform.models.Registration;
import conform.models.SuiteSummary;
import conform.models.Supports;
import conform.runtime.SourceRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * models.json: the model inventory as data, for a CI job to diff over time. Each plugin's runtimes are listed with
 * every model they register and its normalised metadata, beside the spec's suites; the findings (differences, stale
 * and untested suites, capability gaps) are written too but derived again when the file is read.
 */
public final class ModelsFile {

    public static final String FILE_NAME = "models.json";
    /** The format's version. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HINT = "pass the models.json that `conform models --report-dir` or check-model wrote";

    private ModelsFile() {}

    /** Writes atomically (the caller has redacted the inventory: {@link ModelInventory#mapText}). */
    public static Path write(Path dir, ModelInventory inventory) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE_NAME);
        Path temp = Files.createTempFile(dir, ".models-", ".json");
        try {
            Files.writeString(temp, JSON.writeValueAsString(toJson(inventory)) + "\n");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    static ObjectNode toJson(ModelInventory inventory) {
        ObjectNode root = JSON.createObjectNode()
                .put("schema", SCHEMA)
                .put("conform", inventory.conform())
                .put("generated_at", inventory.generatedAt());
        if (!inventory.localSources().isEmpty()) root.set("local_sources", JSON.valueToTree(inventory.localSources()));
        ArrayNode plugins = root.putArray("plugins");
        for (PluginModels p : inventory.plugins()) {
            ObjectNode plugin = plugins.addObject().put("plugin", p.plugin()).put("spec", p.spec());
            ArrayNode runtimes = plugin.putArray("runtimes");
            for (ModelListing l : p.listings()) {
                ObjectNode rt = runtimes.addObject()
                        .put("runtime", l.runtime())
                        .put("status", name(l.status()))
                        .put("source", l.source() == null ? null : name(l.source()))
                        .put("reason", l.reason());
                ArrayNode models = rt.putArray("models");
                for (ModelRecord m : l.models()) {
                    ObjectNode model = models.addObject()
                            .put("name", m.name())
                            .put("registration", name(m.registration()))
                            .put("label", m.label())
                            .put("stage", m.stage());
                    m.versions().forEach(model.putArray("versions")::add);
                    model.set("supports", JSON.valueToTree(m.supports().asMap()));
                }
            }
            ArrayNode suites = plugin.putArray("suites");
            for (SuiteSummary s : p.suites()) {
                ArrayNode exercises = suites.addObject().put("model", s.model()).putArray("exercises");
                s.exercises().forEach(f -> exercises.add(name(f)));
            }
            plugin.set("findings", findings(p));
        }
        return root;
    }

    private static ObjectNode findings(PluginModels p) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode differences = out.putArray("differences");
        for (ModelRow row : p.differences()) {
            ObjectNode d = differences.addObject().put("model", row.model()).put("tested", row.tested());
            ObjectNode presence = d.putObject("presence");
            for (String runtime : row.runtimes()) {
                ModelRecord cell = row.cells().get(runtime);
                presence.put(runtime, cell == null ? null : name(cell.registration()));
            }
            ObjectNode fields = d.putObject("fields");
            for (ModelRow.FieldDifference f : row.fieldDifferences())
                fields.set(f.field(), JSON.valueToTree(f.values()));
        }
        p.stale().forEach(out.putArray("stale")::add);
        p.untested().forEach(out.putArray("untested")::add);
        gaps(out.putArray("tested_not_declared"), p.testedNotDeclared());
        gaps(out.putArray("declared_not_tested"), p.declaredNotTested());
        return out;
    }

    private static void gaps(ArrayNode out, List<PluginModels.Gap> gaps) {
        for (PluginModels.Gap g : gaps) {
            ObjectNode gap = out.addObject().put("model", g.model()).put("feature", name(g.feature()));
            g.runtimes().forEach(gap.putArray("runtimes")::add);
        }
    }

    public static ModelInventory read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw unreadable(file, e.getOriginalMessage());
        } catch (IOException e) {
            throw unreadable(file, e.getMessage());
        }
        if (root == null || !root.isObject()) throw unreadable(file, "not a JSON object");
        if (root.path("schema").asInt(0) > SCHEMA)
            throw new ConformException(Diagnostic.error(
                            "E0015",
                            file.getFileName() + " has schema "
                                    + root.path("schema").asInt() + ", newer than this conform reads (" + SCHEMA + ")")
                    .at(SourceLocation.of(file))
                    .hint("use the conform that wrote it"));
        try {
            List<PluginModels> plugins = new ArrayList<>();
            for (JsonNode p : required(root, "plugins")) plugins.add(plugin(p));
            Map<String, List<SourceRevision>> localSources = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> rt : root.path("local_sources").properties())
                localSources.put(rt.getKey(), List.of(JSON.treeToValue(rt.getValue(), SourceRevision[].class)));
            return new ModelInventory(
                    root.path("conform").asText(null), root.path("generated_at").asText(null), plugins, localSources);
        } catch (IllegalArgumentException e) {
            throw unreadable(file, e.getMessage());
        } catch (JsonProcessingException e) {
            throw unreadable(file, "local_sources: " + e.getOriginalMessage());
        }
    }

    private static PluginModels plugin(JsonNode p) {
        String plugin = required(p, "plugin").asText();
        List<ModelListing> listings = new ArrayList<>();
        for (JsonNode rt : required(p, "runtimes")) {
            List<ModelRecord> models = new ArrayList<>();
            for (JsonNode m : rt.path("models")) {
                List<String> versions = new ArrayList<>();
                m.path("versions").forEach(v -> versions.add(v.asText()));
                models.add(new ModelRecord(
                        required(m, "name").asText(),
                        parse(Registration.class, required(m, "registration").asText()),
                        m.path("label").asText(null),
                        m.path("stage").asText(null),
                        versions,
                        Supports.of(m.get("supports"))));
            }
            listings.add(new ModelListing(
                    plugin,
                    required(rt, "runtime").asText(),
                    parse(ModelListing.Status.class, required(rt, "status").asText()),
                    rt.path("source").isTextual()
                            ? parse(ModelListing.Source.class, rt.get("source").asText())
                            : null,
                    rt.path("reason").asText(null),
                    models));
        }
        List<SuiteSummary> suites = new ArrayList<>();
        for (JsonNode s : p.path("suites")) {
            Set<Feature> exercises = EnumSet.noneOf(Feature.class);
            s.path("exercises").forEach(f -> exercises.add(parse(Feature.class, f.asText())));
            suites.add(new SuiteSummary(required(s, "model").asText(), exercises));
        }
        return new PluginModels(plugin, p.path("spec").asText(null), listings, suites);
    }

    /** An enum constant as models.json names it: lower case, words joined by hyphens (on-call, json-output). */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) if (name(constant).equals(name)) return constant;
        throw new IllegalArgumentException(
                "unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " `" + name + "`");
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("missing `" + field + "`");
        return value;
    }

    private static ConformException unreadable(Path file, String why) {
        return new ConformException(
                Diagnostic.error("E0015", file.getFileName() + " is not a conform models file: " + why)
                        .at(SourceLocation.of(file))
                        .hint(HINT));
    }
}
