///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION conform's own test suite: JUnit 5, run from source like conform itself
//JAVA 21+
//DEPS org.junit.jupiter:junit-jupiter-engine:5.14.4
//DEPS org.junit.jupiter:junit-jupiter-params:5.14.4
//DEPS org.junit.platform:junit-platform-launcher:1.14.4
// conform itself (its //DEPS and //SOURCES come along), then the tests, which sit in conform's packages.
//SOURCES ../conform.java
//SOURCES **/*.java
//FILES conform/spec/builtin-tests.yaml=../lib/spec/builtin-tests.yaml
//FILES conform/spec/genkit-test-image.png=../lib/spec/genkit-test-image.png
// conform runs in this JVM too: its options (conform.java) that change what it does.
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED -Djdk.httpclient.allowRestrictedHeaders=connection

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every test class under tests/ and ends with the line "N passed, N failed, N skipped".
 * Usage: ./jbang tests/RunTests.java [CLASS-NAME-REGEX]   (e.g. '.*Validator.*' to run a subset)
 */
public class RunTests {

    private static final double SLOW_SECONDS = 20;

    public static void main(String[] args) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("conform"));
        if (args.length > 0) request.filters(ClassNameFilter.includeClassNamePatterns(args[0]));
        LauncherDiscoveryRequest discovery = request.build();

        AtomicInteger passed = new AtomicInteger(), failed = new AtomicInteger(), skipped = new AtomicInteger();
        Map<String, Long> started = new ConcurrentHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) started.put(test.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    skipped.incrementAndGet();
                    System.out.println("  SKIP " + name(test) + ": " + reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                Long from = started.remove(test.getUniqueId());
                double seconds = from == null ? 0 : (System.nanoTime() - from) / 1e9;
                // The slow ones, so that what the suite's time goes to stays in view.
                if (seconds >= SLOW_SECONDS) System.out.printf("  slow %s: %.1f s%n", name(test), seconds);
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    if (test.isTest()) passed.incrementAndGet();
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.ABORTED) { // an assumption that does not hold here
                    if (test.isTest()) skipped.incrementAndGet();
                    System.out.println("  SKIP " + name(test) + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
                    return;
                }
                if (test.isTest()) failed.incrementAndGet();
                System.out.println("  FAIL " + name(test));
                result.getThrowable().ifPresent(t -> {
                    System.out.println("       " + t);
                    for (StackTraceElement frame : t.getStackTrace()) {
                        if (frame.getClassName().startsWith("conform.")) System.out.println("         at " + frame);
                    }
                });
                if (!test.isTest()) failed.incrementAndGet(); // a whole class failed to start
            }
        };
        long start = System.nanoTime();
        LauncherFactory.create().execute(discovery, listener);
        System.out.printf("%n(%.1f s)%n", (System.nanoTime() - start) / 1e9);
        System.out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        System.exit(failed.get() == 0 && passed.get() > 0 ? 0 : 1);
    }

    private static String name(TestIdentifier test) {
        String source = test.getSource().map(Object::toString).orElse("");
        String className = source.replaceAll(".*className = '([^']*)'.*", "$1");
        return (className.equals(source) ? "" : className.substring(className.lastIndexOf('.') + 1) + " > ") + test.getDisplayName();
    }
}
