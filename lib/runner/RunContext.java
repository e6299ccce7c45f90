package conform.runner;

import conform.runtime.ActionRunner;

/** The plugin run a test belongs to, and the runner its calls go through. */
record RunContext(String plugin, String runtime, ActionRunner runner) {}
