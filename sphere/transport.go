package sphere

import "math"

// Transport writes the configured vector transport of v ∈ T_p S to T_q S
// (Projection unless WithTransport says otherwise).
func (s *Sphere) Transport(dst, p, q, v []float64) {
	if s.transp == Parallel {
		s.ParallelTransport(dst, p, q, v)
		return
	}
	s.TransportProjection(dst, p, q, v)
}

// TransportProjection writes Proj_q(v) = v − ⟨q, v⟩q, the projection
// transport (Absil, Mahony & Sepulchre 2008, §8.1.3). It is not an isometry
// but costs two passes over v.
func (s *Sphere) TransportProjection(dst, p, q, v []float64) {
	s.check(p)
	s.Proj(dst, q, v)
}

// ParallelTransport writes the parallel transport of v ∈ T_p S along the
// minimising great circle from p to q. For unit p, q and v ⊥ p it is
//
//	P(v) = v − (⟨q, v⟩/(1 + ⟨p, q⟩))·(p + q)
//
// (Absil, Mahony & Sepulchre 2008, §8.1; Boumal 2023, §10.3), which with
// s = p + q, 1 + ⟨p, q⟩ = ‖s‖²/2 and ⟨q, v⟩ = ⟨s, v⟩ is the reflection
//
//	P(v) = v − 2⟨ŝ, v⟩ŝ,   ŝ = s/‖s‖.
//
// That is how it is computed: bounded as q approaches −p, an isometry from
// T_p S onto T_q S, and cheap (three passes over the data).
//
// Special cases are:
//
//	ParallelTransport(p, p, v) = v − 2⟨p, v⟩p, which is v for v ∈ T_p S;
//	at the antipode q = −p exactly the minimising geodesic is not unique;
//	dst is then Proj_q(v), the parallel transport along any great circle
//	orthogonal to v (such a circle exists for n ≥ 3).
func (s *Sphere) ParallelTransport(dst, p, q, v []float64) {
	s.check(dst, p, q, v)
	// ‖s‖ without storing s; s is tiny only near the antipode, where the
	// squares may underflow: redo with an exact power-of-two scale.
	var ss float64
	for i, pi := range p {
		si := pi + q[i]
		ss += si * si
	}
	var ns float64
	if ss >= tinySumSq {
		ns = math.Sqrt(ss)
	} else {
		var acc float64
		for i, pi := range p {
			si := (pi + q[i]) * upScale
			acc += si * si
		}
		ns = math.Sqrt(acc) / upScale
	}
	if ns == 0 {
		s.Proj(dst, q, v)
		return
	}
	inv := 1 / ns
	var sv float64
	for i, pi := range p {
		sv += (pi + q[i]) * inv * v[i]
	}
	k := 2 * sv
	for i, pi := range p {
		dst[i] = v[i] - k*((pi+q[i])*inv)
	}
}
