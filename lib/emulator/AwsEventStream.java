package conform.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * AWS's event-stream framing ({@code application/vnd.amazon.eventstream}), as botocore's
 * {@code botocore/eventstream.py} reads it: each message is a prelude (total length, headers length, the prelude's
 * CRC32), string headers ({@code :event-type}, {@code :content-type}, {@code :message-type}), the payload, and the
 * CRC32 of all of it.
 */
final class AwsEventStream {

    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    /** botocore's header value type for a string. */
    private static final byte STRING = 7;

    private AwsEventStream() {}

    /** An event message whose JSON payload is {@code json}. */
    static byte[] event(String eventType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            encoded.write(n.length);
            encoded.writeBytes(n);
            encoded.write(STRING);
            encoded.write((v.length >> 8) & 0xFF);
            encoded.write(v.length & 0xFF);
            encoded.writeBytes(v);
        });
        byte[] headerBytes = encoded.toByteArray();
        int total = 12 + headerBytes.length + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headerBytes.length);
        frame.putInt((int) crc(frame.array(), 8));
        frame.put(headerBytes).put(payload);
        frame.putInt((int) crc(frame.array(), total - 4));
        return frame.array();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
