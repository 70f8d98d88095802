package claimreview_test

import (
	"fmt"
	"os"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/claimreview"
	"github.com/claimgraph/claimgraph/sources"
)

func ExampleWrite() {
	g := graph.New()
	err := g.Apply(graph.Batch{
		Sources: []sources.Source{{ID: "post", URL: "https://social.example/p/1", Published: claims.MustDate(2025, 9, 3), Kind: sources.SocialPost}},
		Claims:  []claims.Claim{{ID: "toilet", Text: "Kim took his own toilet to Beijing.", Appearances: []claims.Appearance{{Source: "post"}}}},
	})
	if err != nil {
		panic(err)
	}
	err = claimreview.Write(os.Stdout, g.View, claimreview.Options{
		Verdicts:  map[string]claimreview.Verdict{"toilet": {Value: 5, AlternateName: "True"}},
		URL:       "https://factcheck.example/",
		Author:    "Example Fact Check",
		Published: claims.MustDate(2025, 9, 10),
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "@context": {
	//     "@vocab": "https://schema.org/"
	//   },
	//   "@graph": [
	//     {
	//       "@type": "ClaimReview",
	//       "url": "https://factcheck.example/toilet",
	//       "claimReviewed": "Kim took his own toilet to Beijing.",
	//       "author": {
	//         "@type": "Organization",
	//         "name": "Example Fact Check"
	//       },
	//       "datePublished": "2025-09-10",
	//       "reviewRating": {
	//         "@type": "Rating",
	//         "ratingValue": 5,
	//         "bestRating": 5,
	//         "worstRating": 1,
	//         "alternateName": "True"
	//       },
	//       "itemReviewed": {
	//         "@type": "Claim",
	//         "datePublished": "2025-09-03",
	//         "appearance": [
	//           {
	//             "@type": "SocialMediaPosting",
	//             "url": "https://social.example/p/1",
	//             "datePublished": "2025-09-03"
	//           }
	//         ],
	//         "firstAppearance": {
	//           "@type": "SocialMediaPosting",
	//           "url": "https://social.example/p/1",
	//           "datePublished": "2025-09-03"
	//         }
	//       }
	//     }
	//   ]
	// }
}

func ExampleRatingNamed() {
	for _, name := range []string{"mostly FALSE", "Unproven", "Pants on Fire"} {
		r, ok := claimreview.RatingNamed(name)
		fmt.Printf("%q: %q %d %v\n", name, r.Name, r.Value, ok)
	}
	// Output:
	// "mostly FALSE": "Mostly false" 2 true
	// "Unproven": "Unproven" 3 true
	// "Pants on Fire": "" 0 false
}
