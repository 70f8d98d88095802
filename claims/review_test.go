package claims_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// TestCheckDigest: a review's evidence digest was free text, so
// "v2:-1a0s0c1o:0" loaded and the review queue could only say it had
// moved. CheckDigest takes the forms package graph/evidence writes, of
// version 2 and of version 1 (no prefix), and nothing else.
func TestCheckDigest(t *testing.T) {
	for _, tc := range []struct {
		digest string
		ok     bool
	}{
		{"v2:2a0s1c2o:176e1a42f5a7", true},
		{"v2:0a0s0c0o:000000000000", true},
		{"v2:12a103s10c250o:0123456789ab", true},
		{"1a0s0c:2925dd2b080e", true}, // version 1
		{"10a2s0c:abcdefabcdef", true},
		{"v2:-1a0s0c1o:0", false},
		{"v2:-1a0s0c1o:176e1a42f5a7", false},
		{"v2:+1a0s0c1o:176e1a42f5a7", false},
		{"v2:01a0s0c1o:176e1a42f5a7", false},
		{"v2:1a0s0c1o:0", false},
		{"v2:1a0s0c1o:176E1A42F5A7", false},
		{"v2:1a0s0c1o:176e1a42f5a7a", false},
		{"v2:1a0s0c1o:176e1a42f5g7", false},
		{"v2:1a0s0c1o176e1a42f5a7", false},
		{"v2:1a0s0c:176e1a42f5a7", false},   // version 2 without origins
		{"1a0s0c1o:176e1a42f5a7", false},    // origins without version 2
		{"v3:1a0s0c1o:176e1a42f5a7", false}, // an unknown version
		{"V2:1a0s0c1o:176e1a42f5a7", false},
		{"v2:1s0a0c1o:176e1a42f5a7", false},
		{"v2:a0s0c1o:176e1a42f5a7", false},
		{" v2:1a0s0c1o:176e1a42f5a7", false},
		{"v2:1a0s0c1o:176e1a42f5a7\n", false},
		{"checked by Ann", false},
		{"v2:", false},
		{"", false},
	} {
		err := claims.CheckDigest(tc.digest)
		if tc.ok && err != nil || !tc.ok && !errors.Is(err, claims.ErrInvalidDigest) {
			t.Errorf("CheckDigest(%q) = %v, want ok %v", tc.digest, err, tc.ok)
		}
	}
}

func TestDigestCounts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
		err  bool
	}{
		{"v2:2a1s0c3o:176e1a42f5a7", []int{2, 1, 0, 3}, false},
		{"1a0s0c:2925dd2b080e", []int{1, 0, 0}, false},
		{"v2:99999999999999999999a1s0c3o:176e1a42f5a7", nil, true}, // of the form, past int
		{"v2:-1a0s0c1o:0", nil, true},
	} {
		got, err := claims.DigestCounts(tt.in)
		if !slices.Equal(got, tt.want) || (err != nil) != tt.err || err != nil && !errors.Is(err, claims.ErrInvalidDigest) {
			t.Errorf("DigestCounts(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	if err := claims.CheckDigest("v2:99999999999999999999a1s0c3o:176e1a42f5a7"); err != nil {
		t.Errorf("a count past int is of a digest's form: %v", err)
	}
}
