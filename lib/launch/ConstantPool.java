package conform.launch;

import java.io.DataInputStream;
import java.io.IOException;

/** A class file's constant pool, read as far as {@link ClassSurface} needs: names, and the values of constants. */
final class ConstantPool {

    private final Object[] entries;

    ConstantPool(DataInputStream in) throws IOException {
        entries = new Object[in.readUnsignedShort()];
        for (int i = 1; i < entries.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> entries[i] = in.readUTF();
                case 3 -> entries[i] = "int " + in.readInt();
                case 4 -> entries[i] = "float " + Float.floatToRawIntBits(in.readFloat());
                case 5 -> entries[i++] = "long " + in.readLong(); // a long or double takes two slots
                case 6 -> entries[i++] = "double " + Double.doubleToRawLongBits(in.readDouble());
                case 7, 8, 16, 19, 20 -> entries[i] = new Ref(tag, in.readUnsignedShort());
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
    }

    /** An entry that points at a UTF-8 entry: a class name, a string constant, … */
    private record Ref(int tag, int utf8) {}

    String utf8(int index) throws IOException {
        if (entries[index] instanceof String text) return text;
        throw new IOException("constant pool entry " + index + " is not text");
    }

    String className(int index) throws IOException {
        if (entries[index] instanceof Ref ref && ref.tag() == 7) return utf8(ref.utf8());
        throw new IOException("constant pool entry " + index + " is not a class");
    }

    /** A field's constant value, in a form that tells every value and type apart. */
    String constant(int index) throws IOException {
        if (entries[index] instanceof Ref ref && ref.tag() == 8) return "string " + utf8(ref.utf8());
        if (entries[index] instanceof String number) return number;
        throw new IOException("constant pool entry " + index + " is not a constant");
    }
}
