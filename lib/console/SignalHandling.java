package conform.console;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * This JVM handling one POSIX signal (WINCH, INT, TERM) until closed, when whoever handled it before gets it back.
 * sun.misc.Signal is reached by reflection: named in source, javac warns about it on every JBang build.
 */
public final class SignalHandling implements AutoCloseable {

    private final Object signal;
    private final Object previous;
    private boolean closed;

    private SignalHandling(Object signal, Object previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /** Runs {@code onSignal} (on the JVM's signal thread) for each {@code name} signal; empty when this JVM cannot. */
    public static Optional<SignalHandling> install(String name, Runnable onSignal) {
        try {
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = Class.forName("sun.misc.Signal")
                    .getConstructor(String.class)
                    .newInstance(name);
            Object handler = Proxy.newProxyInstance(
                    handlerType.getClassLoader(),
                    new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            onSignal.run();
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "conform SIG" + name + " handler";
                    });
            return Optional.of(new SignalHandling(signal, handle(signal, handler)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notAvailable) {
            return Optional.empty(); // no sun.misc, or the JVM keeps this signal for itself
        }
    }

    private static Object handle(Object signal, Object handler) throws ReflectiveOperationException {
        Class<?> signalType = Class.forName("sun.misc.Signal");
        try {
            return signalType
                    .getMethod("handle", signalType, Class.forName("sun.misc.SignalHandler"))
                    .invoke(null, signal, handler);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Gives the signal back to whoever handled it before. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            handle(signal, previous);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // The previous handler cannot be reinstated; ours then stays, and acts on a finished run.
        }
    }
}
