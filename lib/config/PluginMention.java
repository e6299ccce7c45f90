package conform.config;

import conform.diag.SourceLocation;

/**
 * A place where conform.toml names a plugin ({@code [conform.env]}, an override, {@code [conform.unavailable]}, a
 * known failure, …), kept with its line: the name can only be checked once the specs are found, and a misspelt one
 * would otherwise be ignored without a word.
 *
 * @param key the key that names it, as written: {@code conform.env.olama}
 */
public record PluginMention(String plugin, String key, SourceLocation location) {}
