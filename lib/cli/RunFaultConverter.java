package conform.cli;

import conform.emulator.RunFault;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a FAULT argument (--emulate-fault, emulate --fault); a bad one is a usage error that says what is wrong. */
final class RunFaultConverter implements ITypeConverter<RunFault> {

    @Override
    public RunFault convert(String text) {
        try {
            return RunFault.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
