package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import conform.spec.BuiltinTests;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Media the emulator serves on loopback under {@code /conform/media/}: a stand-in for each image URL of the
 * built-in tests (offline, a plugin that downloads the URL itself gets these bytes from the emulator instead of the
 * internet, and the run sends the test the emulator's URL), and the images it generates when asked for a URL.
 */
final class ServedMedia {

    static final String PATH = "/conform/media/";
    /** Google's colours, one bar each: a stand-in that is a real PNG and no other test's image. */
    private static final Color[] BARS = {
        new Color(0x4285F4), new Color(0xEA4335), new Color(0xFBBC05), new Color(0x4285F4), new Color(0x34A853)
    };

    private record File(String mimeType, byte[] data) {}

    private final Map<String, File> files = new ConcurrentHashMap<>();
    /** Each built-in test's image URL → the name of its stand-in here. */
    private final Map<String, String> standIns = new LinkedHashMap<>();

    ServedMedia(BuiltinTests builtins) {
        for (String tag : builtins.capabilities()) {
            for (JsonNode message :
                    builtins.forCapability(tag).orElseThrow().input().path("messages")) {
                for (JsonNode part : message.path("content")) {
                    String url = part.path("media").path("url").asText("");
                    String type = part.path("media").path("contentType").asText("");
                    if (!url.startsWith("http") || !type.startsWith("image/")) continue;
                    String name = url.substring(url.lastIndexOf('/') + 1);
                    standIns.put(url, name);
                    files.put(name, new File(type, bars()));
                }
            }
        }
    }

    /** Each built-in test's image URL → the URL of its stand-in on the emulator at {@code base}. */
    Map<String, String> testImageUrls(URI base) {
        Map<String, String> out = new LinkedHashMap<>();
        standIns.forEach((url, name) -> out.put(url, base + PATH + name));
        return out;
    }

    /** The built-in test URL whose stand-in these bytes are (a plugin downloaded it and sent it inline), or null. */
    String originalUrl(byte[] data) {
        if (data == null) return null;
        for (Map.Entry<String, String> e : standIns.entrySet())
            if (Arrays.equals(files.get(e.getValue()).data(), data)) return e.getKey();
        return null;
    }

    /** The bytes served under {@code name}, or null. */
    byte[] standIn(String name) {
        File file = files.get(name);
        return file == null ? null : file.data();
    }

    /** Serves {@code data} from now on; returns its URL on the emulator at {@code base}. */
    String add(URI base, String mimeType, byte[] data) {
        String name = Ids.next("generated-") + (mimeType.equals("image/png") ? ".png" : "");
        files.put(name, new File(mimeType, data));
        return base + PATH + name;
    }

    /** Answers {@code GET /conform/media/NAME}: the file, or 404. */
    void serve(HttpExchange exchange) throws IOException {
        File file = files.get(exchange.getRequestURI().getPath().substring(PATH.length()));
        if (file == null) {
            Wire.send(exchange, 404, "text/plain", "not served by the conform emulator");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", file.mimeType());
        exchange.sendResponseHeaders(200, file.data().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.data());
        }
    }

    private static byte[] bars() {
        BufferedImage image = new BufferedImage(272, 92, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 272, 92);
        for (int i = 0; i < BARS.length; i++) {
            g.setColor(BARS[i]);
            g.fillRect(16 + i * 50, 16, 40, 60);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
