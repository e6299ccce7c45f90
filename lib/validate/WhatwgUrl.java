package conform.validate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.IntPredicate;

/**
 * Whether JavaScript's {@code new URL(url)} accepts an absolute URL. java.net.URI follows RFC 3986, which rejects what
 * browsers and Node accept ({@code http:example.com}) and accepts what they reject (port 99999), so this follows the
 * WHATWG URL Standard (https://url.spec.whatwg.org/) instead: the steps of its basic URL parser (§4.4) that can fail
 * for a URL without a base. Everything else in a URL (path, query, fragment, userinfo) never fails there. The rules,
 * with their sections, are listed in docs/validators.md. Not for {@code file:} URLs, whose host rules differ.
 */
public final class WhatwgUrl {

    private static final Set<String> SPECIAL_SCHEMES = Set.of("ftp", "http", "https", "ws", "wss");
    /** §3.2 forbidden host code points; tab, LF and CR never reach the host (they are removed first). */
    private static final String FORBIDDEN_HOST = "\u0000\t\n\r #/:<>?@[\\]^|";

    private WhatwgUrl() {}

    /** Why the WHATWG URL parser rejects {@code url}, or empty when {@code new URL(url)} returns a URL. */
    public static Optional<String> whyInvalid(String url) {
        // §4.4: strip leading and trailing C0 controls and spaces, then remove every tab and newline.
        String input = stripC0AndSpace(url).replaceAll("[\t\n\r]", "");
        int colon = schemeEnd(input);
        if (colon < 0) return Optional.of("it has no scheme (like `https:`)");
        boolean special = SPECIAL_SCHEMES.contains(input.substring(0, colon).toLowerCase(Locale.ROOT));
        String rest = input.substring(colon + 1);
        if (special) rest = rest.replaceFirst("^[/\\\\]*", ""); // special authority (ignore) slashes states
        else if (rest.startsWith("//")) rest = rest.substring(2); // path or authority state
        else return Optional.empty(); // an opaque or plain path: nothing there can fail
        return authority(rest, special);
    }

    /** §4.4 authority, host and port states: userinfo up to the last @, then host, then an optional :port. */
    private static Optional<String> authority(String rest, boolean special) {
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0 && !(special && rest.charAt(end) == '\\'))
            end++;
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority.substring(at + 1);
        if (at >= 0 && hostAndPort.isEmpty()) return Optional.of("it has credentials but no host");
        int portColon = portColon(hostAndPort);
        String host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
        if (host.isEmpty() && (special || portColon >= 0)) return Optional.of("it has no host");
        if (!host.isEmpty()) {
            Optional<String> hostProblem = host(host, !special);
            if (hostProblem.isPresent()) return hostProblem;
        }
        return portColon < 0 ? Optional.empty() : port(hostAndPort.substring(portColon + 1));
    }

    /** The colon that starts the port: the first one outside brackets (an IPv6 address has colons of its own). */
    private static int portColon(String hostAndPort) {
        boolean insideBrackets = false;
        for (int i = 0; i < hostAndPort.length(); i++) {
            char c = hostAndPort.charAt(i);
            if (c == '[') insideBrackets = true;
            else if (c == ']') insideBrackets = false;
            else if (c == ':' && !insideBrackets) return i;
        }
        return -1;
    }

    /** §4.4 port state: ASCII digits only, at most 65535; an empty port is no port. */
    private static Optional<String> port(String port) {
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9'))
            return Optional.of("its port `" + port + "` is not a number");
        if (!port.isEmpty() && new BigInteger(port).compareTo(BigInteger.valueOf(65535)) > 0)
            return Optional.of("its port " + port + " is above 65535");
        return Optional.empty();
    }

    /** §3.5 host parsing: an IPv6 address in brackets, an opaque host (non-special schemes), or a domain or IPv4. */
    private static Optional<String> host(String host, boolean opaque) {
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) return Optional.of("its IPv6 host `" + host + "` has no closing ]");
            return ipv6(host.substring(1, host.length() - 1))
                    ? Optional.empty()
                    : Optional.of("its host `" + host + "` is not a valid IPv6 address");
        }
        if (opaque) return forbidden(host, c -> FORBIDDEN_HOST.indexOf(c) >= 0);
        String domain = new String(percentDecode(host), StandardCharsets.UTF_8);
        String ascii = domainToAscii(domain);
        if (ascii == null || ascii.isEmpty()) return Optional.of("its host `" + host + "` is not a valid domain name");
        // §3.2 forbidden domain code points: the forbidden host code points, C0 controls, % and DEL.
        Optional<String> forbidden =
                forbidden(ascii, c -> FORBIDDEN_HOST.indexOf(c) >= 0 || c < 0x20 || c == '%' || c == 0x7F);
        if (forbidden.isPresent()) return forbidden;
        if (endsInANumber(ascii) && !ipv4(ascii))
            return Optional.of("its host `" + host + "` ends in a number but is not a valid IPv4 address");
        return Optional.empty();
    }

    private static Optional<String> forbidden(String host, IntPredicate isForbidden) {
        return host.chars()
                .filter(isForbidden)
                .mapToObj(c -> "its host has the forbidden character "
                        + (c <= ' ' || c == 0x7F ? "U+%04X".formatted(c) : "`" + (char) c + "`"))
                .findFirst();
    }

    /**
     * §3.3 domain parser (not strict): an ASCII domain is only lower-cased; any other goes through UTS #46 ToASCII,
     * here java.net.IDN (IDNA 2003) label by label, which agrees with it on the names of real hosts. Null: failure.
     */
    private static String domainToAscii(String domain) {
        if (isAscii(domain)) return domain.toLowerCase(Locale.ROOT);
        StringJoiner ascii = new StringJoiner(".");
        try {
            // UTS #46 also separates labels with the ideographic and full-width full stops.
            for (String label : domain.split("[.\u3002\uFF0E\uFF61]", -1))
                ascii.add(isAscii(label) ? label.toLowerCase(Locale.ROOT) : IDN.toASCII(label, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException invalid) {
            return null;
        }
        return ascii.toString();
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** §3.5 ends in a number checker: the last label (before a trailing dot) is decimal digits or 0x-hex. */
    private static boolean endsInANumber(String domain) {
        List<String> parts = labels(domain);
        String last = parts.get(parts.size() - 1);
        return (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) || ipv4Number(last) != null;
    }

    /** The labels of a domain, without the empty one after a trailing dot. */
    private static List<String> labels(String domain) {
        List<String> parts = new ArrayList<>(Arrays.asList(domain.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        return parts;
    }

    /** §3.5 IPv4 parser: up to four parts, each a decimal, octal (0…) or hex (0x…) number; the last fills the rest. */
    private static boolean ipv4(String host) {
        List<String> parts = labels(host);
        if (parts.size() > 4) return false;
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            BigInteger n = ipv4Number(part);
            if (n == null) return false;
            numbers.add(n);
        }
        BigInteger byteLimit = BigInteger.valueOf(256);
        for (int i = 0; i < numbers.size() - 1; i++) if (numbers.get(i).compareTo(byteLimit) >= 0) return false;
        return numbers.get(numbers.size() - 1).compareTo(byteLimit.pow(5 - numbers.size())) < 0;
    }

    /** §3.5 IPv4 number parser; null means failure. */
    private static BigInteger ipv4Number(String part) {
        if (part.isEmpty()) return null;
        int radix = 10;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            part = part.substring(2);
            radix = 16;
        } else if (part.length() >= 2 && part.startsWith("0")) {
            part = part.substring(1);
            radix = 8;
        }
        if (part.isEmpty()) return BigInteger.ZERO;
        for (char c : part.toCharArray()) if (c > 0x7F || Character.digit(c, radix) < 0) return null;
        return new BigInteger(part, radix);
    }

    /** §3.5 IPv6 parser: eight 16-bit pieces, one :: standing for zeros, optionally a dotted IPv4 address last. */
    private static boolean ipv6(String input) {
        int piece = 0;
        boolean compressed = false;
        int p = 0;
        int n = input.length();
        if (input.startsWith(":")) {
            if (!input.startsWith("::")) return false;
            p = 2;
            piece = 1;
            compressed = true;
        }
        while (p < n) {
            if (piece == 8) return false;
            if (input.charAt(p) == ':') {
                if (compressed) return false;
                p++;
                piece++;
                compressed = true;
                continue;
            }
            int length = 0;
            while (length < 4 && p < n && isAsciiHexDigit(input.charAt(p))) {
                p++;
                length++;
            }
            if (p < n && input.charAt(p) == '.') {
                // The IPv4 address fills the last two pieces.
                return length > 0
                        && piece <= 6
                        && (compressed || piece == 6)
                        && dottedQuad(input.substring(p - length));
            }
            if (p < n && input.charAt(p) == ':') {
                if (++p == n) return false;
            } else if (p < n) {
                return false;
            }
            piece++;
        }
        return compressed || piece == 8;
    }

    /** The IPv4 address ending an IPv6 one: exactly four decimal numbers up to 255, without leading zeros. */
    private static boolean dottedQuad(String text) {
        String[] numbers = text.split("\\.", -1);
        if (numbers.length != 4) return false;
        for (String number : numbers) {
            if (number.isEmpty() || number.length() > 3 || !number.chars().allMatch(c -> c >= '0' && c <= '9'))
                return false;
            if ((number.length() > 1 && number.startsWith("0")) || Integer.parseInt(number) > 255) return false;
        }
        return true;
    }

    /** §4.4 scheme state: an ASCII letter, then letters, digits, +, - or ., then a colon; -1 when there is none. */
    private static int schemeEnd(String input) {
        if (input.isEmpty() || !isAsciiAlpha(input.charAt(0))) return -1;
        for (int i = 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == ':') return i;
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && "+-.".indexOf(c) < 0) return -1;
        }
        return -1;
    }

    private static boolean isAsciiHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String stripC0AndSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        return s.substring(start, end);
    }

    /** §1.3 percent-decode: the UTF-8 bytes, with each %XX (two hex digits) replaced by its byte. */
    private static byte[] percentDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return b >= 0 ? Character.digit((char) b, 16) : -1;
    }
}
