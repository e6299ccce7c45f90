package conform.launch;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What other classes compile against in one class file: its name, flags, supertypes and generic signature, and
 * every member a class in another source file can reach (name, descriptor, flags, signature, thrown exceptions, and
 * the value of an inlined constant). Two class files with the same surface can replace each other without
 * recompiling anything that uses them. Read with a small parser of its own (the JDK's class-file API is not in Java
 * 21, which conform supports).
 */
record ClassSurface(String name, String sourceFile, boolean reachableFromOtherFiles, List<String> lines) {

    private static final int ACC_PRIVATE = 0x0002;

    static ClassSurface read(byte[] classFile) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        var pool = new ConstantPool(in);
        int flags = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("class " + flags + " " + name);
        head.append(" extends ").append(superIndex == 0 ? "-" : pool.className(superIndex));
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++)
            head.append(i == 0 ? " implements " : ",").append(pool.className(in.readUnsignedShort()));
        lines.add(head.toString());
        readMembers(in, pool, "field", lines);
        readMembers(in, pool, "method", lines);
        var attributes = new ClassAttributes(name);
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) attributes.read(in, pool, lines);
        return new ClassSurface(name, attributes.sourceFile, attributes.reachable, List.copyOf(lines));
    }

    /** Fields or methods: the ones a class in another file can reach, with what its compiled code depends on. */
    private static void readMembers(DataInputStream in, ConstantPool pool, String kind, List<String> lines)
            throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            int flags = in.readUnsignedShort();
            StringBuilder line = new StringBuilder(kind + " " + flags + " " + pool.utf8(in.readUnsignedShort()) + " "
                    + pool.utf8(in.readUnsignedShort()));
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = pool.utf8(in.readUnsignedShort());
                byte[] body = in.readNBytes(in.readInt());
                var value = new DataInputStream(new ByteArrayInputStream(body));
                switch (attribute) {
                    case "ConstantValue" -> line.append(" = ").append(pool.constant(value.readUnsignedShort()));
                    case "Signature" -> line.append(" sig ").append(pool.utf8(value.readUnsignedShort()));
                    case "Exceptions" -> {
                        int n = value.readUnsignedShort();
                        for (int e = 0; e < n; e++)
                            line.append(" throws ").append(pool.className(value.readUnsignedShort()));
                    }
                    case "AnnotationDefault" ->
                        line.append(" default ").append(java.util.HexFormat.of().formatHex(body));
                    default -> {} // code, annotations, parameter names: this class's own business
                }
            }
            if ((flags & ACC_PRIVATE) == 0) lines.add(line.toString());
        }
    }

    /** The class-level attributes: the supertypes' generic signature, permitted subclasses, record components, and
     * from InnerClasses whether this class is one a class in another file can name at all. */
    private static final class ClassAttributes {
        private final String name;
        String sourceFile = "";
        boolean reachable = true;

        ClassAttributes(String name) {
            this.name = name;
        }

        void read(DataInputStream in, ConstantPool pool, List<String> lines) throws IOException {
            String attribute = pool.utf8(in.readUnsignedShort());
            var value = new DataInputStream(new ByteArrayInputStream(in.readNBytes(in.readInt())));
            switch (attribute) {
                case "SourceFile" -> sourceFile = pool.utf8(value.readUnsignedShort());
                case "Signature" -> lines.add("signature " + pool.utf8(value.readUnsignedShort()));
                case "PermittedSubclasses" -> {
                    int n = value.readUnsignedShort();
                    for (int i = 0; i < n; i++) lines.add("permits " + pool.className(value.readUnsignedShort()));
                }
                case "Record" -> {
                    int n = value.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        lines.add("component " + pool.utf8(value.readUnsignedShort()) + " "
                                + pool.utf8(value.readUnsignedShort()));
                        int skip = value.readUnsignedShort();
                        for (int s = 0; s < skip; s++) {
                            value.readUnsignedShort();
                            value.skipNBytes(value.readInt());
                        }
                    }
                }
                case "InnerClasses" -> {
                    int n = value.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        int inner = value.readUnsignedShort();
                        int outer = value.readUnsignedShort();
                        value.readUnsignedShort(); // simple name
                        int flags = value.readUnsignedShort();
                        if (inner == 0 || !pool.className(inner).equals(name)) continue;
                        // Anonymous and local classes (no outer class) and private nested ones are named only
                        // inside their own source file.
                        reachable = outer != 0 && (flags & ACC_PRIVATE) == 0;
                        lines.add("nested " + flags);
                    }
                }
                default -> {}
            }
        }
    }
}
