// conform entry: Genkit Go + plugins/ollama.
//
// Server address: OLLAMA_HOST (default http://127.0.0.1:11434; a bare host:port gets an
// http:// prefix). The plugin reads no env var and requires ServerAddress, so the entry
// sets it. Calls: POST {addr}/api/chat (NDJSON when streaming). The Go plugin has no model
// listing and no on-demand resolution: only models defined with DefineModel exist.
package main

import (
	"strings"

	"conform.local/entries/internal/conformrt"

	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/ollama"
)

func serverAddress() string {
	v := strings.TrimSpace(conformrt.Env("OLLAMA_HOST"))
	if v == "" {
		return "http://127.0.0.1:11434"
	}
	if !strings.HasPrefix(strings.ToLower(v), "http://") && !strings.HasPrefix(strings.ToLower(v), "https://") {
		v = "http://" + v
	}
	return strings.TrimRight(v, "/")
}

func main() {
	ctx, stop := conformrt.Context()
	defer stop()

	plugin := &ollama.Ollama{ServerAddress: serverAddress()}
	g := genkit.Init(ctx, genkit.WithPlugins(plugin))

	// nil options: the plugin derives supports from its own tables (gemma3 without a size
	// tag is in neither its tool nor its media list).
	plugin.DefineModel(g, ollama.ModelDefinition{Name: "gemma3", Type: "chat"}, nil)

	conformrt.Wait(ctx)
}
