package conform.emulator;

import java.util.List;

/** What a dialect gets from the emulator: the reference model, the models to list, faults and the request log. */
public interface EmulatorContext {

    /** The reference model's answer; when the request lacks what its conformance case needs, the text says so. */
    ChatReply answer(ChatRequest request);

    /** Model ids to list for a dialect, without the plugin prefix (gpt-4o, claude-sonnet-4-5, gemini-2.5-flash, gemma3). */
    List<String> models(Dialect.Kind dialect);

    /** The fault to inject into this request (per request directive first, then per run), or {@link Fault#NONE}. */
    Fault faultFor(ChatRequest request);

    /** Records a line in the request log (redacted before it is kept or printed). */
    void log(String line);
}
