package spd

// Transport writes the configured vector transport of V ∈ T_P to T_Q:
// ParallelTransport (the default where it exists) or TransportIdentity (the
// default for Bures–Wasserstein).
func (m *SPD) Transport(dst, p, q, v []float64) {
	if m.transp == Identity {
		m.TransportIdentity(dst, p, q, v)
		return
	}
	m.ParallelTransport(dst, p, q, v)
}

// TransportIdentity writes sym(V): the same symmetric matrix, read as a
// tangent vector at Q. Every tangent space of the open cone is Sym(n), so
// this is a vector transport (linear, the identity for Q = P, smooth in P
// and Q; Absil, Mahony & Sepulchre 2008, §8.1), and Proj_Q(V) = V makes it
// the projection transport too. It is not an isometry in any of the four
// metrics. It is the transport of the Bures–Wasserstein metric, whose
// parallel transport has no closed form (Malagò, Montrucchio & Pistone
// 2018 give it as the solution of a differential equation).
func (m *SPD) TransportIdentity(dst, p, q, v []float64) {
	m.check(dst, p, q, v)
	symInto(dst, v, m.n, 1)
}

// ParallelTransport writes the parallel transport of V ∈ T_P along the
// geodesic from P to Q, in closed form:
//
//	affine-invariant:  E·V·Eᵀ, E = (QP⁻¹)^{1/2} = L·(L⁻¹QL⁻ᵀ)^{1/2}·L⁻¹
//	                   (Sra & Hosseini, "Conic geometric optimization on the
//	                   manifold of positive definite matrices", SIAM J.
//	                   Optim. 25, 2015), computed from the generalized
//	                   eigenpairs of (Q, P) chosen as for Log: as V plus
//	                   a correction proportional to d(P, Q) for nearby
//	                   points (exactly V for Q = P), and without the
//	                   cancellation of 1 + δᵢ when Q is far (e.g. 2⁻⁴⁰·P);
//	log-Euclidean:     D exp(log Q)[D log(P)[V]], the metric being the
//	                   pull-back of a flat one by log (Arsigny et al. 2007),
//	                   with both differentials by the Daleckii–Krein formula;
//	log-Cholesky:      K·Xᵀ' + X'·Kᵀ, X' = ⌊X⌋ + D(K)·D(L)⁻¹·D(X),
//	                   X = L·(L⁻¹VL⁻ᵀ)_½  (Lin 2019, Prop. 10).
//
// The Bures–Wasserstein metric has no closed-form parallel transport: its
// HasCapability(manifold.CapParallelTransport) is false and
// ParallelTransport panics with a manifold.Error; use Transport.
//
// Special cases are: ParallelTransport(P, P, V) = sym(V) exactly; NaN if P
// or Q is not positive definite or V has a NaN entry.
func (m *SPD) ParallelTransport(dst, p, q, v []float64) {
	m.check(dst, p, q, v)
	switch m.metric {
	case AffineInvariant:
		m.transportAI(dst, p, q, v)
	case LogEuclidean:
		m.transportLE(dst, p, q, v)
	case LogCholesky:
		m.transportLC(dst, p, q, v)
	default:
		panic(errNoParallel)
	}
}
