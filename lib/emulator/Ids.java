package conform.emulator;

import java.util.concurrent.ThreadLocalRandom;

/** Identifiers as the providers mint them: a fixed prefix and random letters and digits, unique per answer. */
final class Ids {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {}

    /** {@code prefix} and 24 random characters: {@code chatcmpl-…}, {@code msg_…}, {@code toolu_…}, {@code call_…}. */
    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 24; i++) id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return id.toString();
    }
}
