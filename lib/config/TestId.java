package conform.config;

/** One test of one model in one plugin run: how results, reruns and known failures name a test. */
public record TestId(String plugin, String runtime, String model, String test) {

    /** "plugin (runtime) model · test", as the console shows it. */
    @Override
    public String toString() {
        return plugin + " (" + runtime + ") " + model + " · " + test;
    }
}
