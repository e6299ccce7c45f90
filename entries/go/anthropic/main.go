// conform entry: Genkit Go + plugins/anthropic.
//
// Base URL: ANTHROPIC_BASE_URL, without /v1 (e.g. http://127.0.0.1:8089). The plugin reads
// ANTHROPIC_BASE_URL itself when its BaseURL field is empty; the entry sets the field
// explicitly anyway. Key: ANTHROPIC_API_KEY (the plugin panics without one).
// Calls: POST {base}/v1/messages (streaming: "stream":true, SSE); GET {base}/v1/models on
// every GET /api/actions.
package main

import (
	"conform.local/entries/internal/conformrt"

	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/anthropic"
)

func main() {
	ctx, stop := conformrt.Context()
	defer stop()

	// The plugin defines no models in Init and only lists them from GET /v1/models;
	// WithModels registers the models conform asks for during Init so they are listed offline.
	plugin := &anthropic.Anthropic{BaseURL: conformrt.Env("ANTHROPIC_BASE_URL")}
	genkit.Init(ctx, genkit.WithPlugins(conformrt.WithModels{DynamicPlugin: plugin}))

	conformrt.Wait(ctx)
}
