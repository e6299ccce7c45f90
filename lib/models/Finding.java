package conform.models;

/** One thing the inventory says about a suite of the spec, as every view shows it. */
public record Finding(Kind kind, String model, String text) {

    public enum Kind {
        /** No runtime lists the suite's model. */
        STALE("stale"),
        /** The suite exercises a capability some runtime's model does not declare. */
        TESTED_NOT_DECLARED("tested, not declared"),
        /** Some runtime's model declares a capability the suite does not exercise. */
        DECLARED_NOT_TESTED("declared, not tested");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
