package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file that must be UTF-8, as TOML requires. A lenient decoder would turn a stray Latin-1 byte into U+FFFD
 * and carry on with a changed value, so a byte that is not UTF-8 is an error at its line and column.
 */
final class Utf8Text {

    private Utf8Text() {}

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0100", "cannot read " + file + ": " + e.getMessage()));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) throw notUtf8(file, bytes, in.position());
        decoder.flush(out);
        return out.flip().toString();
    }

    private static ConformException notUtf8(Path file, byte[] bytes, int bad) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new ConformException(Diagnostic.error(
                        "E0101",
                        "%s is not valid UTF-8: byte 0x%02X at line %d"
                                .formatted(file.getFileName(), bytes[bad] & 0xFF, line))
                .at(new SourceLocation(file, line, column))
                .hint("save the file as UTF-8, which TOML requires (the byte may be Latin-1 or Windows-1252 text)"));
    }
}
