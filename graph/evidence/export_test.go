package evidence

// ForgetComponents makes t forget the components [Of] found, so that its
// Silencer finds them again: tests run both ways.
func ForgetComponents(t *Table) { t.sup = nil }

// WrittenDigest returns the digest of claim id as version 2 made it
// before the ends of a symmetric relation were put in order.
func (d *Digests) WrittenDigest(id string) (string, error) { return d.of(id, relationLine) }
