package conform.packages;

import java.nio.file.Path;

/**
 * Why check-plugin takes a package for a model plugin: the first place in its sources that defines a model with
 * Genkit's API, to show with {@code -v} and to check the rule by.
 *
 * @param file the source file, absolute
 * @param line its 1-based line
 * @param text what is written there, trimmed
 */
public record Evidence(Path file, int line, String text) {

    /** {@code src/models.ts:27: import { model } from 'genkit/plugin'}, relative to the package's folder. */
    public String describe(Path packageDir) {
        return packageDir.relativize(file) + ":" + line + ": " + text;
    }
}
