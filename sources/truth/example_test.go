package truth_test

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// Four stores give the author of two books. Store "d" disagrees with the
// others on both; Sums trusts it least and picks the majority values.
func ExampleDiscover() {
	d := truth.NewDataset()
	d.Assert("a", "book1", "Knuth")
	d.Assert("b", "book1", "Knuth")
	d.Assert("c", "book1", "Knuth")
	d.Assert("d", "book1", "Knut")
	d.Assert("a", "book2", "Han")
	d.Assert("b", "book2", "Han")
	d.Assert("d", "book2", "Hann")

	r, err := truth.Discover(d, truth.Sums, truth.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for s, t := range r.Trust {
		fmt.Printf("trust %s %.2f\n", d.SourceName(truth.SourceID(s)), t)
	}
	for o, f := range r.Chosen {
		fmt.Printf("%s: %s\n", d.ObjectName(truth.ObjectID(o)), d.Value(f))
	}
	// Output:
	// trust a 1.00
	// trust b 1.00
	// trust c 0.56
	// trust d 0.00
	// book1: Knuth
	// book2: Han
}

// Reading the Book data set's layout (source, isbn, title, authors) and
// grouping author lists by their name tokens.
func ExampleDataset_ReadTriples() {
	const data = "s1\t0201\tTAOCP\tKnuth, Donald E.\n" +
		"s2\t0201\tThe Art of Computer Programming\tDonald E. Knuth\n" +
		"s3\t0201\tTAOCP\tNot Available\n" +
		"s3\t0201\tTAOCP\tD. Knuth\n"
	d := truth.NewDataset()
	err := d.ReadTriples(strings.NewReader(data), "books.txt", truth.ReadOptions{
		SourceColumn: 0, ObjectColumn: 1, ValueColumn: 3, Normalize: truth.TokenSet,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := truth.Discover(d, truth.Voting, truth.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range d.Facts(d.Object("0201")) {
		fmt.Printf("%q: %.2f of the votes\n", d.Value(f), r.Belief[f])
	}
	// Output:
	// "donald knuth": 0.67 of the votes
	// "knuth": 0.33 of the votes
}

// Facts added through the numeric API, with TruthFinder implications:
// "3.14" and "3.1416" support each other, so one of them beats "3" although
// each has a single source. Ties go to the lower FactID.
func ExampleDataset_SetImplication() {
	d := truth.NewDataset()
	s1, s2, s3 := d.AddSource("s1"), d.AddSource("s2"), d.AddSource("s3")
	o := d.AddObject("pi")
	f1, _ := d.AddFact(o, "3.14")
	f2, _ := d.AddFact(o, "3.1416")
	f3, _ := d.AddFact(o, "3")
	for _, a := range []struct {
		s truth.SourceID
		f truth.FactID
	}{{s1, f1}, {s2, f2}, {s3, f3}} {
		if err := d.AssertID(a.s, a.f); err != nil {
			fmt.Println(err)
			return
		}
	}
	_ = d.SetImplication(f1, f2, 0.8) // 3.14 supports 3.1416
	_ = d.SetImplication(f2, f1, 0.8)
	r, err := truth.Discover(d, truth.TruthFinder, truth.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("chosen:", d.Value(r.Chosen[o]))
	fmt.Printf("confidence of 3: %.3f < 3.14: %.3f\n", r.Belief[f3], r.Belief[f1])
	// Output:
	// chosen: 3.14
	// confidence of 3: 0.666 < 3.14: 0.725
}
