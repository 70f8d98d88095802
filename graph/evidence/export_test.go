package evidence

// ForgetComponents makes t forget the components [Of] found, so that its
// Silencer finds them again: tests run both ways.
func ForgetComponents(t *Table) { t.sup = nil }

// WrittenDigest returns the digest of claim id as version 2 made it
// before the ends of a symmetric relation were put in order.
func (d *Digests) WrittenDigest(id string) (string, error) { return d.of(id, relationLine) }

// Version1 returns the version 1 digests of claim id: over every
// relation at it, and leaving out the decisions.
func (d *Digests) Version1(id string) (all, withoutDecisions string, err error) {
	return d.version1(id)
}
