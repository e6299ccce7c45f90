package conform.validate;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** JS's String.prototype.trim: exactly the ECMAScript WhiteSpace and LineTerminator code points, no others. */
class JsTrimTest {

    /** What `"<c>x<c>".trim()` strips in JS. */
    private static final String JS_WHITESPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
            + "\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    @Test
    void removesEveryJsWhitespaceCodePoint() {
        for (char c : JS_WHITESPACE.toCharArray())
            assertEquals("x", JsTrim.trim(c + "x" + c), () -> "U+%04X".formatted((int) c));
    }

    @Test
    void keepsWhatJsKeepsThoughJavaStripsSomeOfIt() {
        // Java's strip() removes the information separators U+001C..U+001F; JS keeps them, and NEL, U+180E, U+200B.
        for (char c : "\u001C\u001D\u001E\u001F\u0085\u180E\u200B".toCharArray())
            assertEquals(c + "x", JsTrim.trim(c + "x"), () -> "U+%04X".formatted((int) c));
    }

    @Test
    void trimsBothEndsOnly() {
        assertEquals("a \u00A0 b", JsTrim.trim("\uFEFF a \u00A0 b \u00A0"));
    }

    @Test
    void blankIsWhatTrimEmpties() {
        assertTrue(JsTrim.isBlank(""));
        assertTrue(JsTrim.isBlank("\u00A0\uFEFF\u3000"));
        assertFalse(JsTrim.isBlank("\u001C"));
    }
}
