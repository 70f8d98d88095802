package claims_test

import (
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
)

func ExampleHoldTogether() {
	onlyPact := claims.Validity{Until: claims.MustDate(2024, 6, 19)} // until the treaty
	treaty := claims.Validity{From: claims.MustDate(2024, 6, 19)}
	open := claims.Validity{} // the relation: no validity of its own
	// Never on one same day, whatever the date: resolved by time.
	fmt.Println(claims.HoldTogether(claims.Date{}, onlyPact, treaty, open))
	// In 2024 each holds on some day, but never together.
	fmt.Println(claims.HoldTogether(claims.MustDate(2024, 0, 0), onlyPact, treaty, open))
	// A claim with no validity holds with the treaty on its first day.
	fmt.Println(claims.HoldTogether(claims.MustDate(2024, 6, 19), claims.Validity{}, treaty, open))
	// Output:
	// false
	// false
	// true
}
