///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION conform: the model conformance test runner for Genkit plugins (JS, Python and Go runtimes)
//JAVA 21+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.core:jackson-databind:2.22.4
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:2.22.4
//DEPS org.tomlj:tomlj:1.1.1
//DEPS org.fusesource.jansi:jansi:2.4.3
// Reflection API v2: the runtime dials conform's WebSocket server (the JDK has only a client); slf4j-nop silences
// the library's logging (2.0.13: the slf4j-api Java-WebSocket 1.6.0 depends on).
//DEPS org.java-websocket:Java-WebSocket:1.6.0
//DEPS org.slf4j:slf4j-nop:2.0.13
// Everything under lib/, one package per stage of the data's path, each importing only those before it:
// diag, redact -> config -> spec -> plan -> packages -> runtime -> models -> runner -> validate -> emulator -> report
// -> console -> cli. Beside them, launch: the bootstrap's quick rebuild after an edit (JDK only).
//SOURCES lib/**.java
// The built-in test cases and the test image travel inside the jar, so conform runs from any directory.
//FILES conform/spec/builtin-tests.yaml=lib/spec/builtin-tests.yaml
//FILES conform/spec/genkit-test-image.png=lib/spec/genkit-test-image.png
// Reflection v1 sends `Connection: close`, a header the JDK's HttpClient refuses unless told (ReflectionClient says why).
//RUNTIME_OPTIONS -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED
//RUNTIME_OPTIONS -Djdk.httpclient.allowRestrictedHeaders=connection

import conform.cli.ConformCommand;

/** The JBang entry point: everything else lives in lib/. */
public class conform {
    public static void main(String[] args) {
        System.exit(ConformCommand.execute(args));
    }
}
