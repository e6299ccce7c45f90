package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;

/**
 * The answers of OpenAI's generation endpoints: an image and speech. A chat completion is {@link OpenAiCompletion}.
 */
final class OpenAiReplies {

    private OpenAiReplies() {}

    /**
     * {@code images.generate}'s answer ({@code openai/types/images_response.py}): base64 unless the request asks
     * for {@code response_format: url}, then an http URL the emulator serves the image at.
     */
    static ObjectNode images(JsonNode body, ChatReply reply, EmulatorContext emulator) {
        byte[] png = reply.media() == null ? new byte[0] : reply.media().data();
        ObjectNode out =
                Wire.JSON.createObjectNode().put("created", Instant.now().getEpochSecond());
        ObjectNode image = out.putArray("data").addObject();
        if (body.path("response_format").asText("").equals("url")) image.put("url", emulator.serve("image/png", png));
        else image.put("b64_json", Base64.getEncoder().encodeToString(png));
        image.put("revised_prompt", body.path("prompt").asText());
        return out;
    }

    /**
     * Speech in the format asked for ({@code audio/speech_create_params.py}: mp3 by default): 0.1 s of silence as
     * MP3, WAV or raw 24 kHz 16-bit PCM. The emulator encodes no opus, aac or flac, and says so.
     */
    static void speech(HttpExchange exchange, String format) throws IOException {
        byte[] audio;
        String type;
        switch (format) {
            case "mp3" -> {
                audio = Audio.silenceMp3();
                type = "audio/mpeg";
            }
            case "wav" -> {
                audio = Audio.silenceWav();
                type = "audio/wav";
            }
            case "pcm" -> {
                audio = Audio.silencePcm();
                type = "audio/pcm";
            }
            default -> {
                Wire.json(
                        exchange,
                        400,
                        OpenAiDialect.error(
                                "the conform emulator answers speech as mp3, wav or pcm, not " + format,
                                "invalid_request_error",
                                null));
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, audio.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(audio);
        }
    }
}
