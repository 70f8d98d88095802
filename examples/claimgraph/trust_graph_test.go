package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestTrustGraph(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"trust", seedFile, "--algorithm", "voting", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep trustReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Algorithm != "voting" || len(rep.Sources) == 0 || len(rep.Objects) == 0 {
		t.Errorf("report %+v", rep)
	}
	// china-only-defence-pact (1 origin) competes with the treaty (2):
	// the vote chooses the treaty for the question of the two.
	for _, o := range rep.Objects {
		if o.Object == "china-only-defence-pact | russia-dprk-defence-treaty-2024" {
			if o.Value == nil || *o.Value != "russia-dprk-defence-treaty-2024" {
				t.Errorf("object %s chose %v", o.Object, o.Value)
			}
			return
		}
	}
	t.Error("no question of china-only-defence-pact and the treaty")
}

// TestTrustGraphNoEvidence: sources with no contested claim, such as the
// Telegram video of the seed data, are not listed with a trust of 0.
func TestTrustGraphNoEvidence(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"trust", seedFile, "--algorithm", "accu", "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep trustReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Algorithm != "accu" || len(rep.Sources) == 0 || len(rep.Sources) >= rep.Counts.Sources {
		t.Errorf("%d of %d sources listed", len(rep.Sources), rep.Counts.Sources)
	}
	for _, s := range rep.Sources {
		if s.Source == "yunashev-telegram-video" {
			t.Errorf("the video, which asserts no contested claim, is listed with trust %v", s.Trust)
		}
	}
}
