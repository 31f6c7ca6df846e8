// Package bench is geodesic's benchmark harness: a registry of workloads
// (every manifold operation at three sizes, every solver on test problems
// with known answers, the averaging functions, an embedding epoch), a
// runner that measures them with robust statistics, reports in JSON (a
// versioned schema, SCHEMA.md) and Markdown, plots, and a comparison of two
// reports that flags regressions beyond the noise. The geodesic command's
// bench subcommand is a thin layer over it.
//
//	rep, err := bench.Run(ctx, bench.Config{Quick: true})  // a few seconds
//	err = rep.WriteJSON(f)                                   // SCHEMA.md
//	err = rep.WriteMarkdown(os.Stdout)
//	files, err := bench.Plot(rep, "plots")                   // SVG (or PNG)
//	old, err := bench.ReadJSON(g)
//	for _, d := range bench.Compare(old, rep, 0) {           // 0: DefaultNoise
//		if d.Verdict == bench.Regression { ... }
//	}
//
// # Workloads
//
// Registry lists the workloads; Config (Filter, a regular expression on
// the names; Kinds; Sizes; Quick) selects some, and List shows which. A
// workload's Name is a path of key=value segments, stable across runs and
// machines, e.g.
//
//	op=exp/manifold=sphere/n=100
//	op=log/manifold=stiefel/metric=canonical/n=50/p=5
//	solver=lbfgs/problem=rayleigh/manifold=sphere/n=1000
//	average=median/problem=symmetric/manifold=spd/metric=ai/n=10
//	embed=epoch/problem=mammals/manifold=hyperbolic/model=ball/nodes=1180/dim=5
//
// Operations (KindOp): Inner, Norm, Proj, EGradToRGrad, EHessToRHess, Exp,
// Log, Dist, Retract, InverseRetract, Transport and ParallelTransport,
// where the manifold has them, on the sphere (n = 3, 100, 10000), the
// Grassmann and Stiefel manifolds and the flag manifold (3×2, 50×5,
// 1000×10), SPD matrices (n = 3, 10, 100) and hyperbolic space (n = 2, 10,
// 100), for each Stiefel and SPD metric and each hyperbolic model. One
// operation is one call through the manifold.Manifold interface.
//
// Solvers (KindSolver): steepest descent, conjugate gradients
// (Hager–Zhang), L-BFGS and trust regions to ‖grad f‖ ≤ 1e-8 on the
// Rayleigh quotient (sphere), the Brockett cost (Stiefel), the dominant
// subspace (Grassmann), the Karcher mean of commuting SPD matrices and the
// Fréchet mean of symmetric points of H^n; SGD and Adam on the Rayleigh
// quotient. Averaging (KindAverage): optim.KarcherMean and
// optim.GeometricMedian on symmetric data on the sphere, the Grassmannian,
// SPD matrices and H^n, and the chordal optim.FlagMean and optim.FlagMedian.
// Every one of these has an answer known in closed form and built without
// the code under test (see problems.go, averaging.go and averaging_flag.go),
// and the report gives the final error against it next to the time, with
// the tolerance a correct, converged run reaches. Embedding (KindEmbed):
// one epoch of embed.Train.
//
// # Measurement
//
// For each workload Run does, in order: a garbage collection; the
// workload's Setup, untimed; a warm-up run, which for iterative workloads
// also records the cost and gradient norm of every iteration (the trace
// the convergence plots draw); a calibration that grows the batch of
// consecutive operations until one batch lasts Config.SampleTime; and up
// to Config.Repeats timed batches (samples), stopping early when
// Config.Budget is spent but never before the first. Each sample gives the
// time per operation; the report keeps them all and their median,
// quartiles, median absolute deviation, extremes and mean (Summarize). The
// heap allocations per operation are counted over the first sample from
// runtime.MemStats, outside its timed interval. Quick mode (Config.Quick)
// runs the tiny sizes with at most three samples of about a millisecond,
// for CI: the whole registry in a few seconds.
//
// Timings depend on the machine and its load; the environment is recorded
// in every report (Env: Go, gonum and geodesic versions, CPU model,
// GOMAXPROCS, OS, time). Compare judges a change against the spread of the
// two runs, with a floor; see Compare for the rule.
package bench
