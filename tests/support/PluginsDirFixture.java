package conform.support;

/**
 * A project beside a small Genkit-like monorepo ({@code genkit/}), with a plugins directory per runtime, in the shapes
 * of the real one (js/plugins/*, py/plugins/* in both of Genkit's Python layouts, go/plugins/* in one module), and a
 * conform.toml whose runtimes point their plugins-dir at them. In each runtime:
 *
 * <ul>
 *   <li>{@code alpha}: a model plugin with a spec and an entry that imports it;
 *   <li>{@code beta}: a model plugin with a spec and no entry;
 *   <li>{@code gamma}: a model plugin with neither;
 *   <li>{@code tools}: a plugin that defines no model (a tool).
 * </ul>
 *
 * Python also has Genkit itself ({@code genkit}), and Go an {@code internal} folder that defines a model and is still
 * no plugin. The entries' shared helpers ({@code _conformrt}) are stand-ins: nothing here runs.
 */
public final class PluginsDirFixture {

    public static final String CONFIG = """
        [conform]

        [conform.runtimes.js]
        plugins-dir = "genkit/js/plugins"

        [conform.runtimes.python]
        plugins-dir = "genkit/py/plugins"

        [conform.runtimes.go]
        plugins-dir = "genkit/go/plugins"
        """;

    private PluginsDirFixture() {}

    public static TempProject create() {
        TempProject p = TempProject.create().write("conform.toml", CONFIG);
        p.write("specs/alpha.yaml", "- model: alpha/one\n").write("specs/beta.yaml", "- model: beta/one\n");
        js(p);
        python(p);
        go(p);
        return p;
    }

    private static void js(TempProject p) {
        p.write("entries/js/_conformrt.ts", "export async function registerModels(ai: unknown) {}\n")
                .write(
                        "entries/js/alpha.ts",
                        "import { genkit } from 'genkit';\nimport alpha from '@acme/genkit-alpha';\n"
                                + "export const ai = genkit({ plugins: [alpha()] });\n");
        jsPackage(p, "alpha", "@acme/genkit-alpha", """
            import { genkitPluginV2 } from 'genkit/plugin';
            import { model } from 'genkit/plugin';
            export const alpha = () => genkitPluginV2({ name: 'alpha', init: async () => [model({ name: 'alpha/one' }, run)] });
            export function alphaTool() {}
            export default alpha;
            """);
        jsPackage(p, "beta", "genkitx-beta", """
            import { genkitPlugin } from 'genkit/plugin';
            export function beta() {
              return genkitPlugin('beta', async (ai) => {
                ai.defineModel({ name: 'beta/one' }, run);
              });
            }
            """);
        jsPackage(p, "gamma", "genkitx-gamma", """
            export { gamma } from './gamma.js';
            """);
        p.write("genkit/js/plugins/gamma/src/gamma.ts", """
            import { backgroundModel as pluginBackgroundModel } from 'genkit/plugin';
            export function gamma() { return pluginBackgroundModel({ name: 'gamma/one' }); }
            """);
        jsPackage(p, "tools", "@acme/genkit-tools", """
            import { genkitPlugin } from 'genkit/plugin';
            // A plugin's docs may show a model in use: googleAI.model('gemini-2.5-flash') defines nothing here.
            export const tools = () => genkitPlugin('tools', async (ai) => { ai.defineTool({ name: 'clock' }, now); });
            """);
    }

    private static void jsPackage(TempProject p, String folder, String name, String index) {
        p.write(
                        "genkit/js/plugins/" + folder + "/package.json",
                        "{\"name\": \"" + name + "\", \"version\": \"1.2.3\", \"main\": \"lib/index.js\","
                                + " \"peerDependencies\": {\"genkit\": \"^1.0.0\"}}")
                .write("genkit/js/plugins/" + folder + "/src/index.ts", index);
    }

    private static void python(TempProject p) {
        p.write("entries/python/_conformrt.py", "def serve(plugin):\n    pass\n")
                .write("entries/python/requirements.txt", "genkit==0.12.0\ngenkit-alpha==0.12.0\n")
                .write(
                        "entries/python/alpha.py",
                        "import _conformrt as conformrt\n\nfrom genkit_alpha import Alpha\n\n"
                                + "conformrt.serve(Alpha())\n");
        // Genkit's current layout: src/genkit_<name>/
        pyProject(p, "alpha", "genkit-alpha", "[\"genkit\", \"httpx>=0.27\"]");
        p.write("genkit/py/plugins/alpha/src/genkit_alpha/__init__.py", "from .plugin import Alpha\n")
                .write("genkit/py/plugins/alpha/src/genkit_alpha/plugin.py", """
                    from genkit.plugin_api import ActionKind, Plugin, model_action_metadata

                    class Alpha(Plugin):
                        async def list_actions(self):
                            return [model_action_metadata(name='alpha/one')]
                    """);
        // Genkit's earlier layout: the namespace package genkit.plugins.<name>
        pyProject(p, "beta", "genkit-plugin-beta", "[\"genkit>=0.5\"]");
        p.write("genkit/py/plugins/beta/src/genkit/plugins/beta/__init__.py", "from .plugin import Beta\n")
                .write("genkit/py/plugins/beta/src/genkit/plugins/beta/plugin.py", """
                    from genkit.core.plugin import Plugin
                    from genkit.core.action import Action, ActionKind

                    class Beta(Plugin):
                        async def resolve(self, kind, name):
                            return Action(kind=ActionKind.MODEL, name=name, fn=self.generate)
                    """);
        pyProject(p, "gamma", "genkit-gamma", "[\"genkit\"]");
        p.write("genkit/py/plugins/gamma/src/genkit_gamma/__init__.py", """
            from genkit.plugin_api import Plugin

            class Gamma(Plugin):
                def initialize(self, ai):
                    ai.define_model(name='gamma/one', fn=self.generate)
            """);
        pyProject(p, "tools", "genkit-tools", "[\"genkit\"]");
        p.write("genkit/py/plugins/tools/src/genkit_tools/__init__.py", """
            from genkit.plugin_api import Plugin

            class Tools(Plugin):
                async def resolve(self, kind, name):
                    return await self.ai.registry.resolve_action(ActionKind.MODEL, name)  # uses a model, defines none
            """);
        pyProject(p, "genkit", "genkit", "[\"pydantic>=2\"]");
        p.write("genkit/py/plugins/genkit/src/genkit/ai/__init__.py", "def define_model(name, fn):\n    pass\n");
    }

    private static void pyProject(TempProject p, String folder, String name, String dependencies) {
        p.write(
                "genkit/py/plugins/" + folder + "/pyproject.toml",
                "[project]\nname = \"" + name + "\"\nversion = \"0.12.0\"\ndependencies = " + dependencies + "\n");
    }

    private static void go(TempProject p) {
        p.write(
                        "entries/go/go.mod",
                        "module conform.local/entries\n\ngo 1.24\n\nrequire example.com/genkit/go v1.4.0\n")
                .write("entries/go/internal/conformrt/conformrt.go", "package conformrt\n")
                .write("entries/go/alpha/main.go", """
                    package main

                    import (
                    \t"conform.local/entries/internal/conformrt"

                    \t"example.com/genkit/go/genkit"
                    \t"example.com/genkit/go/plugins/alpha"
                    )

                    func main() {}
                    """);
        p.write("genkit/go/go.mod", "module example.com/genkit/go\n\ngo 1.24\n");
        p.write("genkit/go/plugins/alpha/alpha.go", """
            package alpha

            type Alpha struct{}

            func (a *Alpha) Init(ctx context.Context) []api.Action {
            \treturn []api.Action{genkit.DefineModel(g, "alpha/one", nil, generate)}
            }

            func (a *Alpha) ResolveAction(atype api.ActionType, id string) api.Action { return nil }
            """);
        p.write("genkit/go/plugins/beta/beta.go", """
            package beta

            type Beta struct{}

            func (b *Beta) Name() string { return "beta" }

            func (b *Beta) Init(ctx context.Context) []api.Action { return nil }

            func (b *Beta) ResolveAction(atype api.ActionType, id string) api.Action {
            \treturn ai.NewModelAction(api.NewName("beta", id), opts, generate)
            }
            """);
        // A plugin whose models come from a shared internal package: its own DefineModel method says so.
        p.write("genkit/go/plugins/gamma/gamma.go", """
            package gamma

            type Gamma struct{}

            func (g *Gamma) Init(ctx context.Context) []api.Action { return nil }

            func (g *Gamma) DefineModel(gk *genkit.Genkit, id string) (ai.Model, error) { return shared.NewModel(id) }
            """);
        p.write("genkit/go/plugins/tools/tools.go", """
            package tools

            type Tools struct{}

            func (t *Tools) Init(ctx context.Context) []api.Action { return []api.Action{genkit.DefineTool(g, "clock")} }
            """);
        p.write("genkit/go/plugins/internal/shared/shared.go", """
            package shared

            func NewModel(id string) ai.Model { return genkit.DefineModel(g, id, nil, generate) }
            """);
    }
}
