package conform.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One package found in a runtime's plugins directory, as its manifest and sources describe it.
 *
 * @param dir       the package's folder, absolute; its name is the package's name in the plugins directory
 * @param pkg       the package as the runtime names it: the npm package, the PyPI project, the Go import path (null
 *                  when its manifest does not say)
 * @param version   its version, when its manifest says
 * @param modules   what an entry imports to use it: the npm package, the Python import packages, the Go import path
 * @param separator what follows a module in an import of one of its parts: "/" (npm, Go) or "." (Python)
 * @param excluded  why the rule never takes it for a model plugin (Genkit itself, no dependency on Genkit), or null
 * @param evidence  where its sources define a model with Genkit's API, or null when they do not
 */
public record PluginPackage(
        Path dir,
        String pkg,
        String version,
        List<String> modules,
        String separator,
        String excluded,
        Evidence evidence) {

    private static final List<String> NAME_PREFIXES = List.of("genkit-plugin-", "genkitx-", "genkit-");

    /** Its folder's name in the plugins directory. */
    public String folder() {
        return dir.getFileName().toString();
    }

    /** How messages name it: its package, else its folder (a manifest may name none). */
    public String label() {
        return pkg != null ? pkg : folder();
    }

    /** Whether the rule takes it for a model plugin: its sources define a model, and it is a plugin of Genkit's. */
    public boolean modelPluginByRule() {
        return excluded == null && evidence != null;
    }

    /** Whether {@code name} (from conform.toml's lists) names it: its folder or its package. */
    public boolean isNamed(String name) {
        return name.equals(folder()) || name.equals(pkg);
    }

    /** Whether an entry that imports {@code imports} uses it: one of them is a module of it, or a part of one. */
    public boolean importedBy(Collection<String> imports) {
        return imports.stream()
                .anyMatch(i -> modules.stream().anyMatch(m -> i.equals(m) || i.startsWith(m + separator)));
    }

    /**
     * The names conform could know it by, best first: its folder's and its package's, each without a scope and a
     * Genkit prefix, in lower case, '_' and '.' as '-' ({@code genkitx-ollama} → {@code ollama}, {@code compat_oai} →
     * {@code compat-oai}).
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(plain(folder())));
        if (pkg != null && !names.contains(plain(pkg))) names.add(plain(pkg));
        return names;
    }

    static String plain(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[_.]+", "-");
        for (String prefix : NAME_PREFIXES)
            if (n.startsWith(prefix) && n.length() > prefix.length()) return n.substring(prefix.length());
        return n;
    }
}
