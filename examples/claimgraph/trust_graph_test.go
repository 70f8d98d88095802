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
	// china-only-defence-pact (1 source) competes with the treaty (2):
	// the vote chooses the treaty for the object named after the pact.
	for _, o := range rep.Objects {
		if o.Object == "china-only-defence-pact" {
			if o.Value == nil || *o.Value != "russia-dprk-defence-treaty-2024" {
				t.Errorf("object %s chose %v", o.Object, o.Value)
			}
			return
		}
	}
	t.Error("no object china-only-defence-pact")
}
