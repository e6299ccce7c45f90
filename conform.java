///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION conform: the model conformance test runner for Genkit plugins (JS, Python and Go runtimes)
//JAVA 21+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.core:jackson-databind:2.22.4
//DEPS com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:2.22.4
//DEPS org.tomlj:tomlj:1.1.1
//DEPS org.fusesource.jansi:jansi:2.4.3
// Everything under lib/, one package per stage of the data's path, each importing only those before it:
// diag, redact -> config -> spec -> plan -> packages -> runtime -> models -> runner -> validate -> emulator -> report
// -> console -> cli. Beside them, launch: the bootstrap's quick rebuild after an edit (JDK only).
//SOURCES lib/**.java
// The built-in test cases and the test image travel inside the jar, so conform runs from any directory.
//FILES conform/spec/builtin-tests.yaml=lib/spec/builtin-tests.yaml
//FILES conform/spec/genkit-test-image.png=lib/spec/genkit-test-image.png
//RUNTIME_OPTIONS -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED

import conform.cli.ConformCommand;

/** The JBang entry point: everything else lives in lib/. */
public class conform {
    public static void main(String[] args) {
        System.exit(ConformCommand.execute(args));
    }
}
