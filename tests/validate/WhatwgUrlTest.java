package conform.validate;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WhatwgUrl against what JavaScript's {@code new URL(url)} does, checked in Node 20: each accepted URL with the href
 * Node returns, each rejected one throws ERR_INVALID_URL there.
 */
class WhatwgUrlTest {

    @ParameterizedTest(name = "new URL accepts {0}")
    @ValueSource(
            strings = {
                "https://example.com/cat.png", // → https://example.com/cat.png
                "http:example.com", // → http://example.com/ (slashes are optional for special schemes)
                "http:\\\\example.com", // → http://example.com/ (backslashes count as slashes)
                "http:///example.com", // → http://example.com/ (any number of them)
                " http://exa\tmple.com\n", // → http://example.com/ (outer spaces stripped, tabs and newlines removed)
                "HTTP://EXAMPLE.COM:00080/", // → http://example.com/ (leading zeros; 80 is the default port)
                "http://a:/", // → http://a/ (an empty port is no port)
                "http://a:65535", // → http://a:65535/
                "http://@example.com", // → http://example.com/ (empty credentials)
                "http://a@b@c/", // → http://a%40b@c/ (the last @ ends the userinfo)
                "http://a%41/", // → http://aa/ (the host is percent-decoded, then lower-cased)
                "http://ex_ample.com/", // → http://ex_ample.com/ (no STD3 rules)
                "http://a..b/", // → http://a..b/ (empty labels)
                "http://[::1]:8080/", // → http://[::1]:8080/
                "http://[::ffff:1.2.3.4]/", // → http://[::ffff:102:304]/
                "http://256/", // → http://0.0.1.0/ (the last number fills the remaining bytes)
                "http://4294967295/", // → http://255.255.255.255/
                "http://0x7f.1/", // → http://127.0.0.1/ (hex and octal parts)
                "http://1.2.3.4./", // → http://1.2.3.4/ (a trailing dot)
                "http://foo.0x1g/", // → http://foo.0x1g/ (not a number, so a domain)
                "http://münchen.de/", // → http://xn--mnchen-3ya.de/
                "http://ｅｘａｍｐｌｅ。com/", // → http://example.com/ (full-width letters, ideographic full stop)
                "httpx:foo bar", // → httpx:foo bar (a non-special scheme with an opaque path)
            })
    void accepts(String url) {
        assertEquals("", WhatwgUrl.whyInvalid(url).orElse(""), url);
    }

    @ParameterizedTest(name = "new URL rejects {0}")
    @ValueSource(
            strings = {
                "http:", // no host
                "http://", // no host
                "http://:80", // a port but no host
                "http://user@/x", // credentials but no host
                "http://a:65536", // port out of range
                "http://a:99999", // port out of range
                "http://a:8x", // a port that is not digits
                "http://a:1:2", // a second colon in the port
                "http://a b/", // a space in the host
                "http://a<b/", // < in the host
                "http://a^b/", // ^ in the host
                "http://a|b/", // | in the host
                "http://a%b/", // a % that is no escape
                "http://a%2fb/", // decodes to a /
                "http://a%20b/", // decodes to a space
                "http://a%7fb/", // decodes to DEL
                "http://%ff/", // decodes to a byte that is not UTF-8
                "http://a[b/", // [ outside an IPv6 address
                "http://[::1", // unclosed IPv6 address
                "http://[::1]x/", // something after the IPv6 address
                "http://[1::2::3]/", // two compressions
                "http://[1:2:3:4:5:6:7]/", // seven pieces without compression
                "http://[12345::]/", // a piece of five digits
                "http://[::ffff:1.2.3.256]/", // an embedded IPv4 part above 255
                "http://1.2.3.256/", // the host ends in a number, so it must be IPv4; 256 is no byte
                "http://1.2.3.4.5/", // five IPv4 parts
                "http://4294967296/", // above 32 bits
                "http://09/", // 0-prefixed, so octal; 9 is no octal digit
                "http://foo.1/", // ends in a number, and foo is no number
                "http://foo.0x1/", // ends in a hex number
                "httpx://a b/", // a non-special host may not hold a space either
                "httpx://a:99999", // nor a port out of range
                "http-foo", // no scheme
            })
    void rejects(String url) {
        assertTrue(WhatwgUrl.whyInvalid(url).isPresent(), url);
    }
}
