package conform.models;

/** How a runtime has a model: listed by GET /api/actions, or registered only once it was called. */
public enum Registration {
    /** The runtime lists it: the plugin registers it by itself or its provider lists it. */
    LISTED("listed"),
    /** Not listed, but the plugin registers it when it is called (every plugin resolves names it does not list). */
    ON_CALL("on call");

    private final String label;

    Registration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
