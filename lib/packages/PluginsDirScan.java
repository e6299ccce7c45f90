package conform.packages;

import conform.config.PluginMention;
import conform.config.PluginsDir;
import conform.config.RuntimeConfig;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A runtime's plugins directory, read: each package in it (a folder right below it) is a model plugin, by the rule or
 * because {@code additional-model-plugins} names it, unless {@code ignore-plugins} leaves it out.
 *
 * @param dir     the plugins directory, absolute
 * @param models  the model plugins, by folder
 * @param others  the packages that are no model plugins, by folder
 * @param ignored the packages ignore-plugins leaves out, by folder
 */
public record PluginsDirScan(
        RuntimeConfig runtime,
        Path dir,
        PackageReader reader,
        List<PluginPackage> models,
        List<PluginPackage> others,
        List<PluginPackage> ignored) {

    /**
     * Reads {@code dir} as {@code rt}'s plugins directory (its own, or the one --plugins-dir gives), with the corrections
     * of its conform.toml.
     *
     * @throws ConformException when the runtime has no reader, its plugins directory holds none of its packages (the
     *     wrong runtime's folder, say), or a list in conform.toml names a package that is not there
     */
    public static PluginsDirScan of(RuntimeConfig rt, Path dir) {
        PluginsDir config = rt.pluginsDir();
        PackageReader reader = PackageReader.of(rt.name())
                .orElseThrow(() -> new ConformException(Diagnostic.error(
                                "E0108",
                                "runtime `" + rt.name() + "` has a plugins directory, and conform finds model plugins"
                                        + " for js, python and go only")
                        .hint("remove plugins-dir from [conform.runtimes." + rt.name() + "]")));
        if (!Files.isDirectory(dir)) {
            throw new ConformException(Diagnostic.error(
                            "E0108",
                            "the plugins directory of runtime `" + rt.name() + "`, " + dir + ", "
                                    + (Files.exists(dir) ? "is not a directory" : "does not exist"))
                    .hint("point --plugins-dir or plugins-dir at the folder that holds the runtime's plugin packages"));
        }
        List<PluginPackage> packages = children(dir).stream()
                .map(reader::read)
                .flatMap(Optional::stream)
                .toList();
        if (packages.isEmpty()) {
            throw new ConformException(Diagnostic.error(
                            "E0108", dir + " holds no " + reader.describe() + " for runtime `" + rt.name() + "`")
                    .hint("point runtime " + rt.name() + "'s plugins directory at its plugin packages (in the Genkit"
                            + " monorepo: js/plugins, py/plugins or py/packages, go/plugins); give --plugins-dir per"
                            + " runtime as " + rt.name() + ":DIR"));
        }
        for (PluginMention named : concat(config.additional(), config.ignore())) {
            if (packages.stream().noneMatch(p -> p.isNamed(named.plugin()))) {
                throw new ConformException(Diagnostic.error(
                                "E0108",
                                "`" + named.key() + "` names `" + named.plugin() + "`, which is no package in " + dir)
                        .at(named.location())
                        .note("its packages: "
                                + String.join(
                                        ", ",
                                        packages.stream()
                                                .map(PluginPackage::folder)
                                                .toList()))
                        .hint("name a package by its folder or its package name, or remove the name"));
            }
        }
        List<PluginPackage> models = new ArrayList<>();
        List<PluginPackage> others = new ArrayList<>();
        List<PluginPackage> ignored = new ArrayList<>();
        for (PluginPackage p : packages) {
            if (named(config.ignore(), p)) ignored.add(p);
            else if (p.modelPluginByRule() || named(config.additional(), p)) models.add(p);
            else others.add(p);
        }
        return new PluginsDirScan(rt, dir, reader, List.copyOf(models), List.copyOf(others), List.copyOf(ignored));
    }

    private static boolean named(List<PluginMention> names, PluginPackage p) {
        return names.stream().anyMatch(n -> p.isNamed(n.plugin()));
    }

    private static List<PluginMention> concat(List<PluginMention> a, List<PluginMention> b) {
        List<PluginMention> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0108", "cannot list " + dir + ": " + e.getMessage())
                    .hint("check the folder's permissions"));
        }
    }
}
