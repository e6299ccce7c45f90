package conform.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper of the reflection clients, which parse every answer a runtime sends on a test's path. */
final class Json {

    /** With the fast double parser: a model's answer carries floats (latency, usage), and the JDK's parser is slow. */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build());

    private Json() {}
}
