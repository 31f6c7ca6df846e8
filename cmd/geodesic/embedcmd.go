package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/geodesic-go/geodesic/data"
	"github.com/geodesic-go/geodesic/embed"
)

const embedAbout = `Learns a hyperbolic embedding of a hierarchy (Nickel & Kiela 2017, 2018):
every node becomes a point of hyperbolic space such that a node lies close
to its ancestors and far from everything else. The input is an edge list, one
"child<TAB>ancestor" pair per line (# comments and blank lines skipped; .gz
read as such). Training uses the pairs as given: give the transitive closure
(as the shipped data is) or pass --closure. Without an input file the command
embeds the WordNet 3.0 mammals closure shipped with geodesic (1,180 nodes,
6,540 pairs; see data/wordnet/README.md for its license).

After training it prints the reconstruction mean rank and MAP (every pair
ranked against the non-ancestors by distance) and writes them with --metrics
out.json. -o saves the embedding, as .tsv (a "# geodesic embedding" comment
line, then the node name and its coordinates per line; the Lorentz time
coordinate first) or .npy (coordinates only, rows in the byte order of the
node names); repeat -o for both. Files are written only when the run
succeeds.

--plot out.svg (or .png, .pdf) draws the embedding in the Poincaré disk:
the unit circle, the parent–child edges as hyperbolic geodesics, the nodes,
and labels for the --plot-labels nodes with the most descendants. It needs
--dim 2: for a higher dimension any flat picture is a projection in which
distances, the whole point of the embedding, are no longer visible, so the
command refuses rather than draw something misleading. Lorentz embeddings
are drawn after the exact map to the ball.

--evaluate emb.tsv skips training: it reads an embedding saved with -o (or
written by another tool in the same format), matches its points to the
hierarchy's nodes by name, and reports, writes and draws it as above — to
score a checkpoint, or an embedding trained elsewhere, by the same protocol.

The defaults are the mammals recipe of the reference implementation (RSGD,
learning rate 0.3, 50 negatives, batches of 10, 300 epochs of which 20 are
burn-in), which reaches MAP ≈ 0.95 at dimension 5 in about 15 s on 2 cores.
With more than one thread updates race benignly (Hogwild) and runs vary in
the last digits; --threads 1 gives the same bits on every run with a seed.`

func embedCmd(args []string, stdout, stderr io.Writer) int {
	c := newCommand("embed", "geodesic embed [flags] [edges.tsv]", embedAbout)
	model := c.fs.String("model", "poincare", "`model` of hyperbolic space: poincare (ball) or lorentz")
	dim := c.fs.Int("dim", embed.DefaultDim, "`dimension` of the hyperbolic space")
	curv := c.fs.Float64("curvature", 1, "the curvature is −`c`")
	epochs := c.fs.Int("epochs", embed.DefaultEpochs, "number of `epochs`, burn-in included")
	lr := c.fs.Float64("lr", 0, fmt.Sprintf("learning `rate` after the burn-in (default %v for rsgd, %v for radam)", embed.DefaultLearningRate, embed.DefaultRAdamLearningRate))
	negatives := c.fs.Int("negatives", embed.DefaultNegatives, "negative samples per pair")
	batch := c.fs.Int("batch", embed.DefaultBatchSize, "pairs per step")
	burnIn := c.fs.Int("burn-in", embed.DefaultBurnIn, "burn-in `epochs` at lr/100 (0: none; if not given, at most a tenth of --epochs)")
	optName := c.fs.String("optimizer", "rsgd", "`optimizer`: rsgd or radam")
	seed := c.fs.Uint64("seed", 1, "random `seed`")
	threads := c.fs.Int("threads", 0, "training and evaluation goroutines (0: GOMAXPROCS)")
	closure := c.fs.Bool("closure", false, "take the transitive closure of the input pairs first (for parent–child lists)")
	var outs stringList
	c.fs.Var(&outs, "o", "save the embedding to `file` (.tsv or .npy); repeatable")
	metrics := c.fs.String("metrics", "", "write the reconstruction figures and the options to `file` (.json)")
	plotPath := c.fs.String("plot", "", "draw the embedding in the Poincaré disk to `file` (.svg, .png or .pdf; needs --dim 2)")
	plotEdges := c.fs.Bool("plot-edges", true, "draw the parent–child edges in the plot")
	plotLabels := c.fs.Int("plot-labels", 30, "label this many nodes in the plot, those with the most descendants")
	quiet := c.fs.Bool("quiet", false, "no progress output")
	evaluate := c.fs.String("evaluate", "", "skip training: evaluate the embedding saved in `file` (.tsv, as written by -o) against the hierarchy")
	pos, done, code := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	burnSet, lrSet := false, false
	c.fs.Visit(func(f *flag.Flag) {
		burnSet = burnSet || f.Name == "burn-in"
		lrSet = lrSet || f.Name == "lr"
	})
	if !burnSet {
		*burnIn = min(*burnIn, *epochs/10)
	}
	cfg := embedConfig{
		inputs: pos, closure: *closure, outs: outs, metrics: *metrics,
		plot: *plotPath, plotEdges: *plotEdges, plotLabels: *plotLabels, quiet: *quiet,
		evaluate: *evaluate, lrSet: lrSet,
		model: *model, optimizer: *optName,
		opt: embed.Options{
			Dim: *dim, Curvature: *curv, Epochs: *epochs, LearningRate: *lr,
			Negatives: *negatives, BatchSize: *batch, BurnIn: *burnIn,
			Seed: *seed, Threads: *threads,
		},
	}
	if err := runEmbed(&cfg, stdout, stderr); err != nil {
		return c.fail(stderr, err)
	}
	return 0
}

type embedConfig struct {
	inputs     []string
	closure    bool
	outs       []string
	metrics    string
	plot       string
	plotEdges  bool
	plotLabels int
	quiet      bool
	evaluate   string
	lrSet      bool // --lr given; otherwise the optimizer's default
	model      string
	optimizer  string
	opt        embed.Options
}

// embedMetrics is what --metrics writes. With --evaluate, Embedding names
// the file evaluated and the training fields are left out.
type embedMetrics struct {
	Hierarchy    string  `json:"hierarchy"`
	Nodes        int     `json:"nodes"`
	Pairs        int     `json:"pairs"`
	MeanRank     float64 `json:"mean_rank"`
	MAP          float64 `json:"map"`
	Model        string  `json:"model"`
	Dim          int     `json:"dim"`
	Curvature    float64 `json:"curvature"`
	Embedding    string  `json:"embedding,omitempty"`
	*TrainRecord         // nil with --evaluate
}

// TrainRecord is the part of embedMetrics that describes a training run
// (exported because encoding/json cannot fill an embedded pointer to an
// unexported type).
type TrainRecord struct {
	Epochs       int     `json:"epochs"`
	BurnIn       int     `json:"burn_in"`
	LearningRate float64 `json:"learning_rate"`
	Negatives    int     `json:"negatives"`
	BatchSize    int     `json:"batch_size"`
	Optimizer    string  `json:"optimizer"`
	Seed         uint64  `json:"seed"`
	Threads      int     `json:"threads"`
	FinalLoss    float64 `json:"final_loss"`
	TrainSeconds float64 `json:"train_seconds"`
}

func runEmbed(cfg *embedConfig, stdout, stderr io.Writer) error {
	opt := cfg.opt
	// Check everything that can be checked before a long training run.
	if len(cfg.inputs) > 1 {
		return usagef("want at most one input file, got %d", len(cfg.inputs))
	}
	var err error
	if opt.Model, err = embed.ParseModel(cfg.model); err != nil {
		return usagef("--model %q: want poincare or lorentz", cfg.model)
	}
	if opt.Optimizer, err = embed.ParseOptimizer(cfg.optimizer); err != nil {
		return usagef("--optimizer %q: want rsgd or radam", cfg.optimizer)
	}
	if !cfg.lrSet {
		opt.LearningRate = opt.Optimizer.DefaultLearningRate()
	}
	switch {
	case opt.Dim < 1:
		return usagef("--dim %d: want ≥ 1", opt.Dim)
	case opt.Epochs < 1:
		return usagef("--epochs %d: want ≥ 1", opt.Epochs)
	case !(opt.LearningRate > 0):
		return usagef("--lr %v: want > 0", opt.LearningRate)
	case opt.Negatives < 1:
		return usagef("--negatives %d: want ≥ 1", opt.Negatives)
	case opt.BatchSize < 1:
		return usagef("--batch %d: want ≥ 1", opt.BatchSize)
	case opt.BurnIn < 0 || opt.BurnIn > opt.Epochs:
		return usagef("--burn-in %d: want 0 to --epochs (%d)", opt.BurnIn, opt.Epochs)
	case !(opt.Curvature > 0):
		return usagef("--curvature %v: want > 0", opt.Curvature)
	case opt.Threads < 0:
		return usagef("--threads %d: want ≥ 0", opt.Threads)
	case cfg.plotLabels < 0:
		return usagef("--plot-labels %d: want ≥ 0", cfg.plotLabels)
	}
	if opt.BurnIn == 0 {
		opt.BurnIn = -1 // package embed: negative means none, 0 the default
	}
	for _, o := range cfg.outs {
		if err := checkOutputPath("-o", o, "tsv", "npy"); err != nil {
			return err
		}
	}
	if cfg.metrics != "" {
		if err := checkOutputPath("--metrics", cfg.metrics, "json"); err != nil {
			return err
		}
	}
	if cfg.plot != "" {
		if err := checkPlotDim(opt.Dim, "this run has --dim"); err != nil && cfg.evaluate == "" {
			return err
		}
		if err := checkOutputPath("--plot", cfg.plot, "svg", "png", "pdf"); err != nil {
			return err
		}
	}
	if cfg.evaluate != "" {
		if _, err := os.Stat(cfg.evaluate); err != nil {
			return unwrapPathError(cfg.evaluate, err)
		}
	}

	h, name, err := loadHierarchy(cfg.inputs)
	if err != nil {
		return err
	}
	if cfg.closure {
		if h, err = h.Closure(); err != nil {
			return fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "embed: "))
		}
	}
	if len(h.Edges()) == 0 {
		return fmt.Errorf("%s: no pairs to embed", name)
	}
	threads := opt.Threads
	if threads == 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	fmt.Fprintf(stdout, "%s: %d nodes, %d pairs\n", name, h.Len(), len(h.Edges()))
	ctx := context.Background()
	var emb *embed.Embedding
	var train *TrainRecord
	if cfg.evaluate != "" {
		if emb, err = readAligned(cfg.evaluate, h, stdout); err != nil {
			return err
		}
		if cfg.plot != "" {
			if err := checkPlotDim(emb.Dim, cfg.evaluate+" has dimension"); err != nil {
				return err
			}
		}
		fmt.Fprintf(stdout, "evaluating %s: %s model, dimension %d, curvature −%s\n", cfg.evaluate, emb.Model, emb.Dim, formatFloat(emb.Curvature))
	} else {
		burn := max(opt.BurnIn, 0)
		fmt.Fprintf(stdout, "training: %s model, dimension %d, curvature −%s, %s, lr %s, %d epochs (%d burn-in), %d negatives, batches of %d, seed %d, %d threads\n",
			opt.Model, opt.Dim, formatFloat(opt.Curvature), opt.Optimizer, formatFloat(opt.LearningRate), opt.Epochs, burn, opt.Negatives, opt.BatchSize, opt.Seed, threads)
		prog := newProgress(stderr, cfg.quiet, "training", "epochs", opt.Epochs, 0)
		opt.Progress = func(p embed.Progress) {
			phase := ""
			if p.BurnIn {
				phase = " (burn-in)"
			}
			prog.update(p.Epoch, fmt.Sprintf("loss %.4f%s", p.Loss, phase))
		}
		res, err := embed.Train(ctx, h, opt)
		prog.finish()
		if err != nil {
			return fmt.Errorf("%s: training: %v", name, err)
		}
		emb = res.Embedding
		finalLoss := 0.0
		if len(res.Loss) > 0 {
			finalLoss = res.Loss[len(res.Loss)-1]
		}
		fmt.Fprintf(stdout, "trained in %s (final loss %.4f)\n", formatDuration(res.Elapsed), finalLoss)
		train = &TrainRecord{
			Epochs: opt.Epochs, BurnIn: burn, LearningRate: opt.LearningRate, Negatives: opt.Negatives,
			BatchSize: opt.BatchSize, Optimizer: opt.Optimizer.String(), Seed: opt.Seed, Threads: threads,
			FinalLoss: finalLoss, TrainSeconds: res.Elapsed.Seconds(),
		}
	}
	start := time.Now()
	m, err := embed.Evaluate(ctx, h, emb, opt.Threads)
	if err != nil {
		return fmt.Errorf("%s: evaluation: %v", name, err)
	}
	fmt.Fprintf(stdout, "evaluated in %s\n", formatDuration(time.Since(start)))
	fmt.Fprintf(stdout, "reconstruction: mean rank %.3f, MAP %.4f (%d pairs, %d nodes)\n", m.MeanRank, m.MAP, m.Pairs, m.Nodes)

	var o outputs
	defer o.abort()
	for _, path := range cfg.outs {
		write := emb.WriteTSV
		if ext(path) == "npy" {
			write = emb.WriteNPY
		}
		if err := o.add(path, write); err != nil {
			return err
		}
	}
	if cfg.metrics != "" {
		rec := embedMetrics{
			Hierarchy: name, Nodes: h.Len(), Pairs: len(h.Edges()), MeanRank: m.MeanRank, MAP: m.MAP,
			Model: emb.Model.String(), Dim: emb.Dim, Curvature: emb.Curvature,
			Embedding: cfg.evaluate, TrainRecord: train,
		}
		if err := o.add(cfg.metrics, func(w io.Writer) error { return writeJSON(w, rec) }); err != nil {
			return err
		}
	}
	if cfg.plot != "" {
		closed, err := h.Closure()
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		dp := &diskPlot{
			title:   fmt.Sprintf("%s in the Poincaré disk (mean rank %.2f, MAP %.3f)", name, m.MeanRank, m.MAP),
			emb:     emb,
			closure: closed, edges: cfg.plotEdges, maxLabels: cfg.plotLabels,
		}
		wt, err := dp.render(ext(cfg.plot))
		if err != nil {
			return fmt.Errorf("%s: %v", cfg.plot, err)
		}
		if err := o.add(cfg.plot, func(w io.Writer) error { _, err := wt.WriteTo(w); return err }); err != nil {
			return err
		}
	}
	if err := o.commit(); err != nil {
		return err
	}
	for _, path := range append(append([]string{}, cfg.outs...), cfg.metrics, cfg.plot) {
		if path != "" {
			fmt.Fprintf(stdout, "wrote %s\n", path)
		}
	}
	return nil
}

// loadHierarchy reads the edge list named in inputs, or the shipped WordNet
// mammals closure.
func loadHierarchy(inputs []string) (*embed.Hierarchy, string, error) {
	if len(inputs) == 1 {
		if _, err := os.Stat(inputs[0]); err != nil {
			return nil, "", unwrapPathError(inputs[0], err)
		}
		h, err := embed.LoadHierarchy(inputs[0])
		if err != nil {
			return nil, "", errors.New(strings.TrimPrefix(err.Error(), "embed: "))
		}
		return h, inputs[0], nil
	}
	const shipped = "wordnet/mammal_closure.tsv"
	f, err := data.FS.Open(shipped)
	if err != nil {
		return nil, "", fmt.Errorf("the shipped %s: %v", shipped, err)
	}
	defer f.Close()
	name := "WordNet mammals"
	h, err := embed.ReadHierarchy(f, name)
	return h, name, err
}

// checkPlotDim refuses --plot for an embedding whose dimension is not 2.
func checkPlotDim(dim int, what string) error {
	if dim == 2 {
		return nil
	}
	return usagef("--plot draws the Poincaré disk and needs dimension 2 (%s %d; a flat picture of a %d-dimensional embedding would hide its distances)", what, dim, dim)
}

// readAligned reads the embedding saved in path and returns it with its
// points in the order of h's nodes, matched by name. A node without a point
// or a name given twice is an error; points of names that are not nodes of
// h are dropped, with a note on stdout.
func readAligned(path string, h *embed.Hierarchy, stdout io.Writer) (*embed.Embedding, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(path, err)
	}
	defer f.Close()
	e, err := embed.ReadEmbedding(f, path)
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "embed: "))
	}
	w := e.Width()
	row := make(map[string]int, len(e.Names))
	for i, s := range e.Names {
		if j, dup := row[s]; dup {
			return nil, fmt.Errorf("%s: node %q has two points (rows %d and %d)", path, s, j+1, i+1)
		}
		row[s] = i
	}
	out := &embed.Embedding{Model: e.Model, Curvature: e.Curvature, Dim: e.Dim,
		Names: append([]string(nil), h.Names()...), Coords: make([]float64, 0, h.Len()*w)}
	for _, s := range h.Names() {
		i, ok := row[s]
		if !ok {
			return nil, fmt.Errorf("%s: no point for the node %q of the hierarchy", path, s)
		}
		out.Coords = append(out.Coords, e.Coords[i*w:(i+1)*w]...)
	}
	if extra := len(e.Names) - h.Len(); extra > 0 {
		fmt.Fprintf(stdout, "note: %d points of %s are not nodes of the hierarchy; ignored\n", extra, path)
	}
	return out, nil
}
