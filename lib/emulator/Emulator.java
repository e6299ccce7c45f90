package conform.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import conform.config.EmulatorDialect;
import conform.redact.Redactor;
import conform.spec.BuiltinTests;
import conform.validate.ValidatorRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * conform's built-in emulator of the provider APIs: one HTTP server on an ephemeral 127.0.0.1 port speaking the
 * OpenAI, Anthropic, Gemini and Ollama dialects, with the deterministic {@link ReferenceModel} behind all four.
 * Runtimes are pointed at it through their base-URL variables ({@link #childEnvironment}).
 */
public final class Emulator implements EmulatorContext, AutoCloseable {

    private final HttpServer server;
    private final Map<EmulatorDialect, Dialect> dialects = new EnumMap<>(EmulatorDialect.class);
    private final ReferenceModel model;
    private final ServedMedia media;
    private final EmulatedModels models;
    private final RunFault runFault;
    private final AtomicInteger modelRequests = new AtomicInteger();
    private final Redactor redactor;
    private final Consumer<String> logSink;

    private Emulator(
            HttpServer server,
            EmulatedModels models,
            RunFault runFault,
            Redactor redactor,
            Consumer<String> logSink,
            ReferenceModel.Audience audience) {
        this.server = server;
        for (Dialect d : List.of(
                new OpenAiDialect(),
                new AnthropicDialect(),
                new GeminiDialect(),
                new OllamaDialect(),
                new BedrockDialect())) dialects.put(d.kind(), d);
        BuiltinTests builtins = BuiltinTests.load(ValidatorRegistry.builtins());
        this.media = new ServedMedia(builtins);
        this.model = new ReferenceModel(builtins, dialects::get, audience, media);
        this.models = models;
        this.runFault = runFault;
        this.redactor = redactor;
        this.logSink = logSink;
    }

    /**
     * @param port       0 for an ephemeral port
     * @param models   the models each dialect answers and lists ({@link Emulation#forRuns})
     * @param runFault a fault for the first requests, or null
     * @param logSink  receives each logged request line (already redacted), e.g. for -v
     * @param audience whether a request that misses what its conformance case needs gets the explanation
     */
    public static Emulator start(
            int port,
            EmulatedModels models,
            RunFault runFault,
            Redactor redactor,
            Consumer<String> logSink,
            ReferenceModel.Audience audience)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Emulator emulator = new Emulator(server, models, runFault, redactor, logSink, audience);
        server.createContext("/", emulator::route);
        server.start();
        return emulator;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The variables that point a runtime child at the emulator, plus dummy keys for the providers whose key the
     * user has not set (a user's real key is kept, never replaced; it only ever reaches this local server).
     */
    public Map<String, String> childEnvironment(Map<String, String> userEnv) {
        String base = url().toString();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENAI_BASE_URL", base + "/v1");
        env.put("ANTHROPIC_BASE_URL", base);
        env.put("GOOGLE_GEMINI_BASE_URL", base);
        env.put("OLLAMA_HOST", base);
        // conform's JS entries for compat-oai's DeepSeek and xAI flavours pass these on as the plugins' baseURL.
        env.put("DEEPSEEK_BASE_URL", base + "/v1");
        env.put("XAI_BASE_URL", base + "/v1");
        // boto3 reads the Bedrock runtime's endpoint from this variable (botocore's per-service endpoint setting).
        env.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", base);
        env.putAll(standIns(userEnv));
        return env;
    }

    /**
     * Each built-in test's image URL → the URL of the emulator's stand-in for it. An offline run sends the tests
     * these instead, so that a plugin that downloads an image URL itself reaches the emulator, not the internet.
     */
    public Map<String, String> testImageUrls() {
        return media.testImageUrls(url());
    }

    @Override
    public String serve(String mimeType, byte[] data) {
        return media.add(url(), mimeType, data);
    }

    /**
     * A stand-in for each provider key (and AWS's region) the emulator makes unnecessary and the user has not set.
     * AWS requests are signed with the stand-in secret locally; the emulator takes any signature.
     */
    public static Map<String, String> standIns(Map<String, String> userEnv) {
        Map<String, String> standIns = new LinkedHashMap<>();
        for (String key : List.of(
                "OPENAI_API_KEY",
                "ANTHROPIC_API_KEY",
                "GEMINI_API_KEY",
                "DEEPSEEK_API_KEY",
                "XAI_API_KEY",
                "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY")) {
            if (userEnv.getOrDefault(key, "").isEmpty()) standIns.put(key, Redactor.PLACEHOLDER_KEY);
        }
        // AWS's SDKs differ in the variable they read the region from: JS and Go take AWS_REGION, boto3 only
        // AWS_DEFAULT_REGION. Each unset one gets the region the user set in the other, else us-east-1.
        String region = userEnv.getOrDefault("AWS_REGION", "");
        if (region.isEmpty()) region = userEnv.getOrDefault("AWS_DEFAULT_REGION", "");
        if (region.isEmpty()) region = "us-east-1";
        for (String key : List.of("AWS_REGION", "AWS_DEFAULT_REGION"))
            if (userEnv.getOrDefault(key, "").isEmpty()) standIns.put(key, region);
        return standIns;
    }

    private void route(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean dropped = false;
        try {
            if (method.equals("GET") && path.startsWith(ServedMedia.PATH)) {
                log("GET " + path);
                media.serve(exchange);
                return;
            }
            for (Dialect dialect : dialects.values()) {
                if (dialect.serves(method, path, exchange.getRequestHeaders())) {
                    dialect.handle(exchange, this);
                    return;
                }
            }
            log(method + " " + exchange.getRequestURI() + " → 404 (not an endpoint the emulator serves)");
            Wire.json(
                    exchange,
                    404,
                    Wire.JSON
                            .createObjectNode()
                            .put("error", "the conform emulator does not serve " + method + " " + path));
        } catch (Wire.DroppedConnection e) {
            log(method + " " + path + " → " + e.getMessage());
            dropped = true;
            throw e;
        } catch (IOException | RuntimeException e) {
            log(method + " " + path + " → 500 " + e);
            try {
                Wire.json(exchange, 500, Wire.JSON.createObjectNode().put("error", "conform emulator failure: " + e));
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the response was under way; the client sees a cut connection
            }
        } finally {
            if (!dropped) exchange.close();
        }
    }

    @Override
    public ChatReply answer(ChatRequest request) {
        return model.answer(request);
    }

    @Override
    public List<String> models(EmulatorDialect dialect) {
        return models.known(dialect);
    }

    @Override
    public List<String> listed(EmulatorDialect dialect) {
        return models.listed(dialect);
    }

    @Override
    public Fault faultFor(ChatRequest request) {
        modelRequests.incrementAndGet();
        Fault inText = Fault.inText(request.lastUserText());
        if (!inText.none()) return inText;
        if (runFault != null && modelRequests.get() <= runFault.count()) return runFault.fault();
        return Fault.NONE;
    }

    @Override
    public void log(String line) {
        logSink.accept(redactor.redact(line));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
