package embed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The benchmarks behind the tables of the package documentation. They are
// tests, skipped unless an environment variable asks for them:
//
//	GEODESIC_MAMMALS=1 go test ./embed -run TestMammalsTable -v -timeout 1h
//	GEODESIC_NOUN=/path/to/noun_closure.tsv.gz go test ./embed -run TestNounBenchmark -v -timeout 24h
//
// Optional variables: GEODESIC_MODELS (default "poincare,lorentz"),
// GEODESIC_DIMS (mammals default "2,5,10", nouns "10"), GEODESIC_EPOCHS
// (default 300), GEODESIC_EVAL_EVERY (nouns: evaluate every that many
// epochs; default only at the end), GEODESIC_THREADS (default all cores),
// GEODESIC_BATCH and GEODESIC_BURNIN (Options.BatchSize, BurnIn),
// GEODESIC_LR_POINCARE and GEODESIC_LR_LORENTZ (learning rates),
// GEODESIC_DAMPENING (Options.Dampening), GEODESIC_BUDGET (a duration such as
// 25m: stop training then and evaluate the embedding reached),
// GEODESIC_LOG_EVERY (print the loss every that many epochs) and
// GEODESIC_SAVE (a directory: save the embedding there, as
// <model>-<dim>.tsv, every GEODESIC_LOG_EVERY epochs and at the end).

func envList(k, def string) []string {
	v := os.Getenv(k)
	if v == "" {
		v = def
	}
	return strings.Split(v, ",")
}

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func benchmarkRun(t *testing.T, h *Hierarchy, model string, dim, epochs, evalEvery int) {
	m, err := ParseModel(model)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Model: m, Dim: dim, Epochs: epochs, Seed: 1, Threads: envInt("GEODESIC_THREADS", 0),
		BatchSize: envInt("GEODESIC_BATCH", 0), BurnIn: envInt("GEODESIC_BURNIN", 0)}
	if d, err := strconv.ParseFloat(os.Getenv("GEODESIC_DAMPENING"), 64); err == nil {
		opt.Dampening = d
	}
	logEvery := envInt("GEODESIC_LOG_EVERY", 0)
	save := func(e *Embedding) {
		if dir := os.Getenv("GEODESIC_SAVE"); dir != "" {
			if err := e.Save(filepath.Join(dir, fmt.Sprintf("%s-%d.tsv", model, dim))); err != nil {
				t.Error(err)
			}
		}
	}
	if lr, err := strconv.ParseFloat(os.Getenv("GEODESIC_LR_"+strings.ToUpper(model)), 64); err == nil {
		opt.LearningRate = lr
	}
	ctx := context.Background()
	trainCtx := ctx
	if d, err := time.ParseDuration(os.Getenv("GEODESIC_BUDGET")); err == nil {
		var cancel context.CancelFunc
		trainCtx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	var evalTime time.Duration
	opt.Progress = func(p Progress) {
		if evalEvery > 0 && p.Epoch%evalEvery == 0 && p.Epoch < p.Epochs {
			s := time.Now()
			mt, err := Evaluate(ctx, h, p.Embedding(), 0)
			evalTime += time.Since(s)
			if err != nil {
				t.Error(err)
			}
			fmt.Fprintf(os.Stderr, "%s dim %d epoch %d: loss %.4f %v (epoch %v, elapsed %v)\n", model, dim, p.Epoch, p.Loss, mt, p.EpochTime.Round(time.Millisecond), p.Elapsed.Round(time.Second))
		} else if (logEvery > 0 && p.Epoch%logEvery == 0) || (logEvery == 0 && evalEvery > 0 && p.Epoch%max(1, evalEvery/10) == 0) {
			fmt.Fprintf(os.Stderr, "%s dim %d epoch %d: loss %.4f (epoch %v, elapsed %v)\n", model, dim, p.Epoch, p.Loss, p.EpochTime.Round(time.Millisecond), p.Elapsed.Round(time.Second))
		}
		if logEvery > 0 && p.Epoch%logEvery == 0 {
			save(p.Embedding())
		}
	}
	res, err := Train(trainCtx, h, opt)
	if errors.Is(err, context.DeadlineExceeded) {
		t.Logf("%s dim %d: time budget reached after %d epochs", model, dim, len(res.Loss))
	} else if err != nil {
		t.Fatal(err)
	}
	save(res.Embedding)
	s := time.Now()
	mt, err := Evaluate(ctx, h, res.Embedding, envInt("GEODESIC_THREADS", 0))
	if err != nil {
		t.Fatal(err)
	}
	ev := time.Since(s)
	var train time.Duration
	for _, d := range res.EpochTime {
		train += d
	}
	fmt.Fprintf(os.Stderr, "RESULT | %s | %d | %d | %.3f | %.4f | %.1f ms | %.1f s | %.1f s |\n", model, dim, len(res.Loss), mt.MeanRank, mt.MAP,
		float64(train.Microseconds())/1e3/float64(len(res.EpochTime)), train.Seconds(), ev.Seconds())
}

func TestMammalsTable(t *testing.T) {
	if os.Getenv("GEODESIC_MAMMALS") == "" {
		t.Skip("set GEODESIC_MAMMALS=1 to run the mammals table")
	}
	h := mammals(t)
	for _, model := range envList("GEODESIC_MODELS", "poincare,lorentz") {
		for _, d := range envList("GEODESIC_DIMS", "2,5,10") {
			dim, _ := strconv.Atoi(d)
			benchmarkRun(t, h, model, dim, envInt("GEODESIC_EPOCHS", DefaultEpochs), envInt("GEODESIC_EVAL_EVERY", 0))
		}
	}
}

func TestNounBenchmark(t *testing.T) {
	path := os.Getenv("GEODESIC_NOUN")
	if path == "" {
		t.Skip("set GEODESIC_NOUN to the path of noun_closure.tsv.gz to run the noun benchmark")
	}
	s := time.Now()
	h, err := LoadHierarchy(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d nodes, %d pairs in %v", h.Len(), len(h.Edges()), time.Since(s))
	for _, model := range envList("GEODESIC_MODELS", "poincare,lorentz") {
		for _, d := range envList("GEODESIC_DIMS", "10") {
			dim, _ := strconv.Atoi(d)
			benchmarkRun(t, h, model, dim, envInt("GEODESIC_EPOCHS", DefaultEpochs), envInt("GEODESIC_EVAL_EVERY", 0))
		}
	}
}
