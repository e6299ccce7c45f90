// Package conformrt holds the small amount of process plumbing shared by the conform
// entries: a signal-aware context and a clean shutdown that waits for Genkit to remove
// its runtime discovery file.
package conformrt

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/firebase/genkit/go/core/api"
)

// Context returns a context cancelled on SIGINT/SIGTERM.
//
// genkit.Init installs its own signal.NotifyContext on the context it is given, which
// swallows SIGTERM (it only stops the reflection server). Passing this context to
// genkit.Init and blocking on Wait makes SIGTERM end the process as well.
func Context() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// Wait blocks until ctx is cancelled, then gives Genkit's shutdown goroutine time to stop
// the reflection server and delete this process's runtime file (at most ~6 s; Genkit's
// own HTTP shutdown timeout is 5 s) so no stale .genkit/runtimes entry is left behind.
func Wait(ctx context.Context) {
	<-ctx.Done()
	pattern := filepath.Join(projectRoot(), ".genkit", "runtimes", strconv.Itoa(os.Getpid())+"-*.json")
	deadline := time.Now().Add(6 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(pattern); len(m) == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Env returns the value of the first non-empty environment variable among names.
func Env(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// projectRoot mirrors Genkit Go's lookup: the first directory at or above the working
// directory that contains go.mod, else the working directory.
func projectRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

// WithModels wraps a dynamic plugin so that its Init also returns the models conform asks for
// (SpecModels), resolved through the plugin's own ResolveAction (the same code path as on-demand
// resolution, no network call).
//
// genkit.Init registers everything Init returns before it writes the runtime file and
// starts the reflection server, so these models are listed by the very first
// GET /api/actions, without a network call and without racing registrations made after
// genkit.Init returns.
type WithModels struct {
	api.DynamicPlugin
}

// Init implements api.Plugin.
func (p WithModels) Init(ctx context.Context) []api.Action {
	actions := p.DynamicPlugin.Init(ctx)
	for _, id := range SpecModels() {
		if a := p.DynamicPlugin.ResolveAction(api.ActionTypeModel, id); a != nil {
			actions = append(actions, a)
		}
	}
	return actions
}

// SpecModels returns the models conform asks the entry to register up front, without their plugin
// prefix: CONFORM_MODELS, comma-separated (check-model sets it to the spec's models; `conform models`
// leaves it empty, so the runtime lists only what the plugin registers itself).
func SpecModels() []string {
	var ids []string
	for _, name := range strings.Split(os.Getenv("CONFORM_MODELS"), ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if slash := strings.Index(name, "/"); slash >= 0 {
			name = name[slash+1:]
		}
		ids = append(ids, name)
	}
	return ids
}
