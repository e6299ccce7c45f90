package conform.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The emulator's spoken answer: a valid, short WAV of silence (or its raw PCM, for providers that send that). */
final class Audio {

    static final int SAMPLE_RATE = 24000;
    private static final int SAMPLES = SAMPLE_RATE / 10;

    private Audio() {}

    /** 0.1 s of 16-bit mono PCM silence. */
    static byte[] silencePcm() {
        return new byte[SAMPLES * 2];
    }

    /**
     * 0.1 s of MP3 silence: four MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono), each a header and zeroed side
     * information and data, which decoders play as silence. OpenAI's speech answers mp3 unless asked otherwise.
     */
    static byte[] silenceMp3() {
        int frameLength = 144 * 128_000 / 44_100;
        byte[] out = new byte[frameLength * 4];
        for (int frame = 0; frame < 4; frame++) {
            int at = frame * frameLength;
            out[at] = (byte) 0xFF;
            out[at + 1] = (byte) 0xFB;
            out[at + 2] = (byte) 0x90;
            out[at + 3] = (byte) 0xC0;
        }
        return out;
    }

    static byte[] silenceWav() {
        byte[] pcm = silencePcm();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes())
                .putInt(36 + pcm.length)
                .put("WAVE".getBytes())
                .put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(pcm.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }
}
