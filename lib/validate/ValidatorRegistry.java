package conform.validate;

import conform.spec.ValidatorCatalog;
import conform.spec.ValidatorRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The validators by name. The built-ins are every {@link Validator} class in {@code conform.validate.builtin},
 * found on the class path at start-up, so adding a validator is adding one file.
 */
public final class ValidatorRegistry implements ValidatorCatalog {

    private static final String BUILTIN_PACKAGE = "conform.validate.builtin";
    private final Map<String, Validator> byName = new TreeMap<>();

    private ValidatorRegistry() {}

    public static ValidatorRegistry builtins() {
        ValidatorRegistry registry = new ValidatorRegistry();
        for (String className : classesIn(BUILTIN_PACKAGE)) registry.register(instantiate(className));
        return registry;
    }

    public ValidatorRegistry register(Validator validator) {
        Validator previous = byName.putIfAbsent(validator.name(), validator);
        if (previous != null) {
            throw new IllegalStateException("two validators are named " + validator.name() + ": "
                    + previous.getClass().getName() + " and "
                    + validator.getClass().getName());
        }
        return this;
    }

    public Optional<Validator> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    @Override
    public Optional<String> argumentProblem(String name, String arg) {
        return get(name).flatMap(v -> v.argumentProblem(arg));
    }

    @Override
    public String takes(String name) {
        return get(name).map(Validator::takes).orElse("`" + name + "` is no validator");
    }

    public List<Validator> all() {
        return List.copyOf(byName.values());
    }

    /** Runs one validator of a spec; an unknown name is a failure too (specs are checked at load, so this is rare). */
    public void check(ModelResponse response, ValidatorRef ref) {
        Validator validator =
                get(ref.name()).orElseThrow(() -> new ValidationFailure("Unknown validator: " + ref.name()));
        validator.validate(response, ref.arg());
    }

    private static Validator instantiate(String className) {
        try {
            return (Validator) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("validator " + className + " needs a public no-argument constructor", e);
        }
    }

    /** Top-level classes of a package that implement Validator, from a jar (JBang) or a class directory. */
    private static List<String> classesIn(String pkg) {
        String folder = pkg.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(ValidatorRegistry.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(folder))) {
                    files.map(p -> p.getFileName().toString()).forEach(f -> names.add(folder + f));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built-in validators", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names.stream()
                .filter(n -> n.endsWith(".class") && !n.contains("$"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .filter(ValidatorRegistry::isValidator)
                .sorted()
                .toList();
    }

    private static boolean isValidator(String className) {
        try {
            Class<?> type = Class.forName(className, false, ValidatorRegistry.class.getClassLoader());
            return Validator.class.isAssignableFrom(type)
                    && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
