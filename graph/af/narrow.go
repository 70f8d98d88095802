package af

import (
	"math"
	"slices"
)

// denseMax is the largest component whose bounds are also narrowed by
// Krawczyk steps (see narrow). A step on k arguments inverts a matrix of
// up to 2k rows densely, O(k³): at 32, some 260,000 multiplications, as
// much as thousands of rounds of the iteration on such a component,
// which it replaces where the iteration crawls; the rest of a step
// costs O(k·edges). The cap keeps a step's cost bounded; it is not
// fitted to any graph (the cyclic components of the generated graphs
// that are not giant have at most 18 claims at 1M).
const denseMax = 32

// eps is the unit of rounding of float64, 2⁻⁵³.
const eps = 0x1p-53

// narrow narrows the bounds lo, hi of the arguments of the cyclic
// component m, which start at [0, 1], and returns the updates it made
// (an interval Newton step counting as one round, len(m) updates).
//
// On any component it runs the mixed-monotone iteration from a work list
// while the bounds move by more than tol times their width, up to
// maxIter rounds' worth of updates. On a
// component of at most denseMax arguments it alternates that iteration,
// for 1, 2, 4, … rounds, with interval Newton steps (see
// dense.krawczyk), repeated while they halve the total width of the
// bounds, until every bound is within tol of its pair, neither narrows
// them by more than tol of their width any more, or the rounds run out.
func (w *work) narrow(b *Bipolar, in rows, m []int32, lo, hi []float64, tol float64, maxIter int,
	eval func(i int32, att, sup []float64) float64) int {
	bound := func(i int32) bool {
		l := max(lo[i], eval(i, hi, lo))
		h := max(l, min(hi[i], eval(i, lo, hi)))
		// A move of at most tol times the width is left alone.
		least := tol * (hi[i] - lo[i])
		moved := l-lo[i] > least || hi[i]-h > least
		lo[i], hi[i] = l, h
		return moved
	}
	if len(m) > denseMax {
		updates, _ := w.run(m, maxIter, bound)
		return updates
	}
	// lo and hi stay those of the iteration and the steps on its own
	// equations, which never pass the limit (L*, U*) of the iteration
	// (see dense.krawczyk); the steps on x = T(x) may narrow past it,
	// to tl and th, intersected with lo and hi at the end.
	k := len(m)
	d := &w.d
	d.tl, d.th, d.sl, d.sh = grow(d.tl, k), grow(d.th, k), grow(d.sl, k), grow(d.sh, k)
	for r, i := range m {
		w.pos[i] = int32(r)
		d.tl[r], d.th[r] = 0, 1
	}
	// onT runs a step on x = T(x) on the intersection of the boxes,
	// narrowing tl and th, and leaves lo and hi as they were.
	onT := func() bool {
		for r, i := range m {
			d.sl[r], d.sh[r] = lo[i], hi[i]
			lo[i], hi[i] = max(lo[i], d.tl[r]), min(hi[i], d.th[r])
		}
		ok := d.krawczyk(b, in, w.comp, w.pos, m, lo, hi, false)
		for r, i := range m {
			d.tl[r], d.th[r] = lo[i], hi[i]
			lo[i], hi[i] = d.sl[r], d.sh[r]
		}
		return ok
	}
	width := func() float64 {
		s := 0.0
		for r, i := range m {
			s += min(hi[i], d.th[r]) - max(lo[i], d.tl[r])
		}
		return s
	}
	closed := func() bool {
		for r, i := range m {
			if min(hi[i], d.th[r])-max(lo[i], d.tl[r]) > tol {
				return false
			}
		}
		return true
	}
	budget := maxIter // in rounds
	spent := 0
	for rounds := 1; spent < budget && !closed(); rounds = min(2*rounds, budget) {
		u, settled := w.run(m, min(rounds, budget-spent), bound)
		spent += (u + k - 1) / k
		narrowed := false
		for spent < budget && !closed() {
			before := width()
			ok := onT()
			spent++
			if width() > before/2 && spent < budget {
				ok = d.krawczyk(b, in, w.comp, w.pos, m, lo, hi, true) || ok
				spent++
			}
			// As in the iteration, narrowing by at most tol of the
			// width is no progress.
			if !ok || before-width() <= tol*before {
				break
			}
			narrowed = true
			if width() > before/2 {
				break
			}
		}
		if settled && !narrowed {
			break
		}
	}
	for r, i := range m {
		lo[i], hi[i] = max(lo[i], d.tl[r]), min(hi[i], d.th[r])
	}
	return spent * k
}

// dense is the scratch space of krawczyk: k×k matrices and k-vectors,
// row-major, reused from component to component.
type dense struct {
	jlo, jhi, a, y []float64 // interval Jacobian of f, its midpoint, the inverse
	mid, rad       []float64 // the box: midpoint and radius
	fc, fr         []float64 // f at the midpoint: centre and radius
	lo, hi         []float64 // the new bounds
	tl, th         []float64 // the bounds from the steps on x = T(x)
	sl, sh         []float64 // lo and hi kept aside meanwhile
	jstart, jcol   []int32   // J's non-zero entries by row: columns,
	jm, jr         []float64 // midpoints and radii
	mm, mr         []float64 // a row of Y·mid J and of |Y|·rad J
}

// grow returns n zeros, in s's storage when it has room for them.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// krawczyk narrows the bounds lo, hi of the arguments of component m
// (whose positions within m are pos, and component comp) by one
// Krawczyk step (R. Krawczyk, Computing 4, 1969; R. E. Moore, R. B.
// Kearfott and M. J. Cloud, Introduction to Interval Analysis, SIAM
// 2009, §8.2) and reports whether it narrowed any.
//
// Write Z for a box, z for its midpoint, f(z) = 0 for a system of
// equations, J for an interval matrix that holds the Jacobian of f over
// Z, and Y for any matrix (here the inverse of J's midpoint). Every zero
// of f in Z then lies in
//
//	K(Z) = z − Y·f(z) + (I − Y·J)·(Z − z),
//
// since f(x) − f(z) = J̃·(x − z) for some J̃ within J (the mean value
// theorem, row by row: T is piecewise multilinear, and J holds both
// pieces where the box straddles va = vs), so that 0 = f(x) gives
// x = z − Y·f(z) + (I − Y·J̃)·(x − z). Narrowing Z to Z ∩ K(Z) is sound
// whatever Y is; where J's midpoint is invertible and the box small
// enough, it is Newton's method and converges quadratically.
//
// With pair false the system is x = T(x) on the box of the bounds, the
// arguments outside m anywhere within their own bounds (so that f(z) is
// an interval): K then holds every fixed point, and the bounds become
// their intersection with it. This proves a fixed point unique where the
// mixed-monotone bounds cannot, as on an odd cycle of attack between
// arguments of base score 1.
//
// With pair true the system is that of the mixed-monotone bounds
// themselves, (L, U) = (T(U on attackers, L on supporters),
// T(L on attackers, U on supporters)), 2·len(m) equations, the arguments
// outside m at the bound the same rule reads. Their iteration from
// [0, 1] converges to its least solution (L*, U*) in the order where L
// rises and U falls (Kleene), and every fixed point x of T has
// L* ≤ x ≤ U* (Knaster–Tarski: (x, x) is a post-fixed point of the
// bounds' map). Both L* and U* lie within the bounds of the iteration
// (and of earlier such steps), so the box Z of (L, U) is those bounds
// twice, and the bounds become
// lo = max(lo, lower end of K's L), hi = min(hi, upper end of K's U):
// the limit of the iteration reached by Newton steps, where the
// iteration itself would contract slowly (base scores near 1). The steps
// with pair false may narrow the bounds past L* and U*, so narrow keeps
// their bounds apart and gives this step those of the iteration.
//
// Where the system has a continuum of solutions in the box (J holds a
// singular matrix), a step narrows nothing. The arithmetic is
// floating-point, like the rest of DFQuAD: the bounds are exact up to its
// rounding, amplified by the conditioning of the component (by up to
// ‖Y‖).
func (d *dense) krawczyk(b *Bipolar, in rows, comp, pos []int32, m []int32, lo, hi []float64, pair bool) bool {
	k := len(m)
	kk := k
	if pair {
		kk = 2 * k
	}
	d.jlo, d.jhi, d.a, d.y = grow(d.jlo, kk*kk), grow(d.jhi, kk*kk), grow(d.a, kk*kk), grow(d.y, kk*kk)
	d.mid, d.rad, d.fc, d.fr = grow(d.mid, kk), grow(d.rad, kk), grow(d.fc, kk), grow(d.fr, kk)
	d.lo, d.hi = grow(d.lo, kk), grow(d.hi, kk)
	c := comp[m[0]]
	for r, i := range m {
		d.mid[r] = lo[i] + (hi[i]-lo[i])/2
		d.rad[r] = (hi[i] - lo[i]) / 2
		if pair {
			d.mid[k+r], d.rad[k+r] = d.mid[r], d.rad[r]
		}
	}
	// at reads argument j for the midpoint: itself if in m, else its
	// lower or upper bound.
	at := func(j int32, upper bool) float64 {
		switch {
		case comp[j] == c:
			return d.mid[pos[j]]
		case upper:
			return hi[j]
		}
		return lo[j]
	}
	for r, i := range m {
		row := in.src[in.start[i]:in.start[i+1]]
		split := in.mid[i] - in.start[i]
		att, sup := row[:split], row[split:]
		v0 := b.base[i]
		// Row r holds x = T(x), or L = …; row k+r holds U = ….
		// view 0 reads the arguments outside m anywhere within their
		// bounds, view 1 as L does (attackers high, supporters low),
		// view 2 as U does.
		views := []int{0}
		if pair {
			views = []int{1, 2}
		}
		for _, view := range views {
			// span is the range of argument j read as an attacker
			// (h = 0) or a supporter (h = 1).
			span := func(j int32, h int) (float64, float64) {
				if comp[j] == c || view == 0 {
					return lo[j], hi[j]
				}
				if (view == 1) == (h == 0) {
					return hi[j], hi[j]
				}
				return lo[j], lo[j]
			}
			// The aggregates over the box, and the slope of C in
			// them: v0 where va ≥ vs throughout, 1 − v0 where
			// va < vs throughout, either in between.
			var f [2][2]float64 // f[h] = F's least and greatest
			for h, set := range [2][]int32{att, sup} {
				plo, phi := 1.0, 1.0
				for _, j := range set {
					l, u := span(j, h)
					plo *= 1 - u
					phi *= 1 - l
				}
				f[h] = [2]float64{1 - phi, 1 - plo}
			}
			s := [2]float64{min(v0, 1-v0), max(v0, 1-v0)}
			if f[0][0] >= f[1][1] {
				s = [2]float64{v0, v0}
			} else if f[0][1] < f[1][0] {
				s = [2]float64{1 - v0, 1 - v0}
			}
			// ∂F/∂xⱼ = Π over the others of (1 − x), between its
			// values at the upper and the lower ends; ∂T/∂xⱼ is
			// minus the slope times it for an attacker, plus for a
			// supporter; f = x − T.
			eq := r // the row of J
			if view == 2 {
				eq = k + r
			}
			for h, set := range [2][]int32{att, sup} {
				for _, j := range set {
					if comp[j] != c {
						continue
					}
					plo, phi := 1.0, 1.0
					for _, o := range set {
						if o != j {
							l, u := span(o, h)
							plo *= 1 - u
							phi *= 1 - l
						}
					}
					flo, fhi := s[0]*plo, s[1]*phi // an attacker's
					if h == 1 {
						flo, fhi = -fhi, -flo
					}
					// Products of len(row) factors, rounded.
					flo -= float64(len(row)+2) * eps * math.Abs(flo)
					fhi += float64(len(row)+2) * eps * math.Abs(fhi)
					// L reads attackers' U and supporters' L; U
					// the other way round.
					col := int(pos[j])
					if (view == 1 && h == 0) || (view == 2 && h == 1) {
						col += k
					}
					d.jlo[eq*kk+col] += flo
					d.jhi[eq*kk+col] += fhi
				}
			}
		}
		// T at the midpoint, the arguments outside m at their bounds:
		// least with attackers high and supporters low.
		tlo := combine(v0, aggregateBy(att, func(j int32) float64 { return at(j, true) }),
			aggregateBy(sup, func(j int32) float64 { return at(j, false) }))
		thi := combine(v0, aggregateBy(att, func(j int32) float64 { return at(j, false) }),
			aggregateBy(sup, func(j int32) float64 { return at(j, true) }))
		// Rounding: F and C of values within [0, 1] lose at most
		// (terms + 4) units of 2⁻⁵³ each; f(z) is given that much
		// room, which Y, large where the component is ill-conditioned,
		// multiplies below.
		ulp := float64(len(row)+6) * eps
		if pair {
			d.fc[r], d.fc[k+r] = d.mid[r]-tlo, d.mid[r]-thi
			d.fr[r], d.fr[k+r] = ulp, ulp
		} else {
			d.fc[r] = d.mid[r] - (tlo+thi)/2
			d.fr[r] = (thi-tlo)/2 + ulp
		}
	}
	for r := range kk {
		d.jlo[r*kk+r]++
		d.jhi[r*kk+r]++
	}
	// J's non-zero entries row by row, as midpoint and radius (with the
	// rounding of the products), for the sums below; its midpoint,
	// densely, to invert.
	slack := float64(kk+2) * eps
	d.jstart, d.jcol, d.jm, d.jr = d.jstart[:0], d.jcol[:0], d.jm[:0], d.jr[:0]
	for t := range kk {
		d.jstart = append(d.jstart, int32(len(d.jcol)))
		for s := range kk {
			e := t*kk + s
			mid := d.jlo[e] + (d.jhi[e]-d.jlo[e])/2
			d.a[e] = mid
			if d.jlo[e] != 0 || d.jhi[e] != 0 {
				d.jcol = append(d.jcol, int32(s))
				d.jm = append(d.jm, mid)
				d.jr = append(d.jr, (d.jhi[e]-d.jlo[e])/2+slack*math.Abs(mid))
			}
		}
	}
	d.jstart = append(d.jstart, int32(len(d.jcol)))
	if !invert(d.y, d.a, kk) {
		return false
	}
	// K(Z) = z − Y·f(z) ± (|Y|·rad f(z) + mag(I − Y·J)·rad Z), Z − z
	// being symmetric about 0; mag(I − Y·J) ≤ |I − Y·mid J| + |Y|·rad J.
	// Each sum of kk products is off by at most kk+1 units of rounding
	// of the sum of their magnitudes; spread takes that in too.
	d.mm, d.mr = grow(d.mm, kk), grow(d.mr, kk)
	mm, mr := d.mm, d.mr // row r of Y·mid J and of |Y|·rad J
	for r := range kk {
		yr := d.y[r*kk : r*kk+kk]
		centre, spread, size := d.mid[r], 0.0, 0.0
		for s := range kk {
			centre -= yr[s] * d.fc[s]
			spread += math.Abs(yr[s]) * d.fr[s]
			size += math.Abs(yr[s] * d.fc[s])
		}
		spread += slack * (size + math.Abs(centre))
		clear(mm)
		clear(mr)
		for t, yt := range yr {
			if yt == 0 {
				continue
			}
			at := math.Abs(yt)
			for e := d.jstart[t]; e < d.jstart[t+1]; e++ {
				mm[d.jcol[e]] += yt * d.jm[e]
				mr[d.jcol[e]] += at * d.jr[e]
			}
		}
		mm[r]-- // Y·mid J − I
		for s := range kk {
			spread += (math.Abs(mm[s]) + mr[s] + slack) * d.rad[s]
		}
		spread *= 1 + slack
		d.lo[r], d.hi[r] = centre-spread, centre+spread
	}
	if pair {
		for r := range k {
			d.hi[r] = d.hi[k+r] // lo from L*, hi from U*
		}
	}
	for r, i := range m {
		d.lo[r], d.hi[r] = max(lo[i], d.lo[r]), min(hi[i], d.hi[r])
		if !(d.lo[r] <= d.hi[r]) {
			return false // rounding (or NaN) left nothing: keep the bounds
		}
	}
	narrowed := false
	for r, i := range m {
		if d.lo[r] > lo[i] || d.hi[r] < hi[i] {
			narrowed = true
			lo[i], hi[i] = d.lo[r], d.hi[r]
		}
	}
	return narrowed
}

// aggregateBy is F over srcs with the strengths read by at.
func aggregateBy(srcs []int32, at func(int32) float64) float64 {
	prod := 1.0
	for _, j := range srcs {
		prod *= 1 - at(j)
	}
	return 1 - prod
}

// invert writes the inverse of the k×k matrix a into y by Gauss–Jordan
// elimination with partial pivoting, destroying a, and reports whether a
// was invertible (no pivot 0).
func invert(y, a []float64, k int) bool {
	clear(y)
	for r := range k {
		y[r*k+r] = 1
	}
	for c := range k {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(a[r*k+c]) > math.Abs(a[p*k+c]) {
				p = r
			}
		}
		if a[p*k+c] == 0 {
			return false
		}
		if p != c {
			swapRows(a, k, p, c)
			swapRows(y, k, p, c)
		}
		inv := 1 / a[c*k+c]
		for s := range k {
			a[c*k+s] *= inv
			y[c*k+s] *= inv
		}
		for r := range k {
			if f := a[r*k+c]; r != c && f != 0 {
				for s := range k {
					a[r*k+s] -= f * a[c*k+s]
					y[r*k+s] -= f * y[c*k+s]
				}
			}
		}
	}
	return !slices.ContainsFunc(y, func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) })
}

func swapRows(a []float64, k, p, q int) {
	for s := range k {
		a[p*k+s], a[q*k+s] = a[q*k+s], a[p*k+s]
	}
}
