// conform entry: Genkit Go + plugins/googlegenai (GoogleAI, Gemini API).
//
// Base URL: GOOGLE_GEMINI_BASE_URL, without version (e.g. http://127.0.0.1:8089). The plugin
// has no base-URL field; google.golang.org/genai reads GOOGLE_GEMINI_BASE_URL itself.
// Key: GEMINI_API_KEY or GOOGLE_API_KEY (the plugin panics without one).
// Calls: POST {base}/v1beta/models/{m}:generateContent,
// POST {base}/v1beta/models/{m}:streamGenerateContent?alt=sse, POST {base}/v1beta/models/{m}:predict
// (imagen); GET {base}/v1beta/models on GET /api/actions (see guardedGoogleAI).
package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"conform.local/entries/internal/conformrt"

	"github.com/firebase/genkit/go/core/api"
	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/googlegenai"
)

// guardedGoogleAI is the GoogleAI plugin with a safer ListActions.
//
// In genkit go v1.4.0, GoogleAI.ListActions (run on every GET /api/actions) pages through
// GET /v1beta/models and calls log.Fatal on any error, which kills the whole runtime when
// the endpoint is unreachable or answers with an error. This wrapper first probes the list
// endpoint once; only if it answers 200 does it delegate to the plugin, otherwise it lists
// nothing (the spec models are registered explicitly and other models still resolve on
// demand through the embedded plugin's ResolveAction).
// Its Name/Init/ResolveAction are the plugin's own (promoted from the embedded pointer).
type guardedGoogleAI struct {
	*googlegenai.GoogleAI
}

func (p guardedGoogleAI) ListActions(ctx context.Context) []api.ActionDesc {
	if err := probeModelList(ctx); err != nil {
		slog.Warn("conform: googleai model listing skipped", "error", err)
		return nil
	}
	return p.GoogleAI.ListActions(ctx)
}

func probeModelList(ctx context.Context) error {
	base := strings.TrimRight(conformrt.Env("GOOGLE_GEMINI_BASE_URL"), "/")
	if base == "" {
		base = "https://generativelanguage.googleapis.com"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1beta/models?pageSize=1", nil)
	if err != nil {
		return err
	}
	req.Header.Set("x-goog-api-key", conformrt.Env("GEMINI_API_KEY", "GOOGLE_API_KEY"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s/v1beta/models: HTTP %d", base, resp.StatusCode)
	}
	return nil
}

func main() {
	ctx, stop := conformrt.Context()
	defer stop()

	// The plugin defines no models in Init and only lists them from GET /v1beta/models;
	// WithModels registers the models conform asks for during Init so they are listed offline.
	plugin := guardedGoogleAI{&googlegenai.GoogleAI{}}
	genkit.Init(ctx, genkit.WithPlugins(conformrt.WithModels{DynamicPlugin: plugin}))

	conformrt.Wait(ctx)
}
