// conform entry: Genkit Go + plugins/compat_oai/openai (provider "openai").
//
// Base URL: OPENAI_BASE_URL, including /v1 (e.g. http://127.0.0.1:8089/v1). openai-go reads
// OPENAI_BASE_URL itself as well; the entry passes it explicitly with option.WithBaseURL.
// Key: OPENAI_API_KEY (the plugin panics without one).
// Calls: POST {base}/chat/completions; GET {base}/models on every GET /api/actions.
//
// The Go plugin only implements chat models (and embedders): gpt-4o and gpt-4o-mini are
// defined by the plugin's Init. There is no image (dall-e-3) or speech (tts-1) model type;
// such names would be resolved on demand as chat models, so they are not pre-registered.
package main

import (
	"conform.local/entries/internal/conformrt"

	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/compat_oai/openai"
	"github.com/openai/openai-go/option"
)

func main() {
	ctx, stop := conformrt.Context()
	defer stop()

	plugin := &openai.OpenAI{}
	if base := conformrt.Env("OPENAI_BASE_URL"); base != "" {
		plugin.Opts = []option.RequestOption{option.WithBaseURL(base)}
	}
	genkit.Init(ctx, genkit.WithPlugins(plugin))

	conformrt.Wait(ctx)
}
