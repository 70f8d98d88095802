package match_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/match"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Moon Jae-in":                     "moon jae-in",
		"Ærø Straße":                      "aero strasse",
		"Łódź, Kraków":                    "lodz, krakow",
		"présence ÉTÉ":                    "presence ete",
		"already plain 123":               "already plain 123",
		"Ñandú Ça Øre":                    "nandu ca ore",
		"Пхеньян":                         "пхеньян",       // other scripts are lower-cased, not folded
		"Zu\u0308rich Re\u0301sume\u0301": "zurich resume", // decomposed (NFD)
		"ΟΔΟΣ οδος":                       "οδοσ οδοσ",     // final sigma
	} {
		if got := match.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"Kim’s staff, 15,000 soldiers.": {"Kim", "staff", "15000", "soldiers"},
		"a 2.5% rise; top speed 60km/h": {"a", "2.5", "rise", "top", "speed", "60km", "h"},
		"don't stop":                    {"dont", "stop"},
		"Russia-North Korea (mutual)":   {"Russia", "North", "Korea", "mutual"},
		"":                              nil,
		// CJK runs give character bigrams, a lone character itself.
		"金正恩会面。G7峰会 2024年": {"金正", "正恩", "恩会", "会面", "G7", "峰会", "2024", "年"},
		"김정은은 베이징에서":       {"김정", "정은", "은은", "베이", "이징", "징에", "에서"},
		"プーチン氏":            {"プー", "ーチ", "チン", "ン氏"},
	} {
		if got := match.Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// A text in decomposed form (NFD, as some systems write it) is the same
// wording as the text precomposed: a combining mark neither splits a
// word nor keeps two spellings of it apart.
func TestDecomposedSameWording(t *testing.T) {
	cs := []claims.Claim{
		{ID: "a", Text: "Zürich banned cars from downtown in 2020."},
		{ID: "b", Text: "Zu\u0308rich banned cars from downtown in 2020."},
	}
	got, st := match.FindClaims(cs, match.Options{})
	if len(got) != 1 || got[0].Score != 1 || st.Duplicates != 1 {
		t.Fatalf("suggestions %+v, %+v; want a ~ b, one wording copied", got, st)
	}
	if w := match.Words("Zu\u0308rich नमस्ते"); !slices.Equal(w, []string{"Zu\u0308rich", "नमस्ते"}) {
		t.Errorf("Words split at combining marks: %q", w)
	}
}

// A quote is a wording of its claim: two claims whose texts differ but
// whose quotes say the same are found through their quotes.
func TestQuotesAreWordings(t *testing.T) {
	cs := []claims.Claim{
		{ID: "a", Text: "Kim's staff cleaned up after the meeting.", Appearances: []claims.Appearance{
			{Source: "s1", Quote: "The staff accompanying the head of the DPRK carefully destroyed all traces of Kim's presence."}}},
		{ID: "b", Text: "Traces were removed.", Appearances: []claims.Appearance{
			{Source: "s2", Quote: "The staff accompanying the head of the DPRK destroyed all traces of Kim's presence."}}},
		{ID: "c", Text: "Putin toured the cosmodrome."},
	}
	got, st := match.FindClaims(cs, match.Options{})
	if st.Wordings != 5 {
		t.Errorf("%d wordings, want 5 (3 texts, 2 quotes)", st.Wordings)
	}
	if len(got) != 1 || got[0].A != "a" || got[0].B != "b" || got[0].Kind != match.Same {
		t.Fatalf("suggestions %+v, want a ~ b the same", got)
	}
	if got[0].Texts[0] != cs[0].Appearances[0].Quote {
		t.Errorf("closest wording of a %q, want its quote", got[0].Texts[0])
	}
	// Decided pairs are left out.
	none, st := match.FindClaims(cs, match.Options{Decided: func(a, b string) bool { return a == "a" && b == "b" }})
	if len(none) != 0 || st.Decided != 1 {
		t.Errorf("with a ~ b decided: %+v, %+v", none, st)
	}
}

// Negations, exclusive words, opposite words and different numbers turn
// a close pair into a likely contradiction, with the reason.
func TestContradictionMarkers(t *testing.T) {
	base := "Kim's staff cleaned the room after the meeting with Putin in Beijing."
	for other, reason := range map[string]string{
		"Kim's staff did not clean the room after the meeting with Putin in Beijing.":  "negation",
		"Only Kim's staff cleaned the room after the meeting with Putin in Beijing.":   `"only"`,
		"Kim's staff cleaned the room before the meeting with Putin in Beijing.":       `"after" on one side, "before" on the other`,
		"Kim's staff cleaned the room after the 2023 meeting with Putin in Beijing.":   "", // a number on one side only is no contradiction
		"Kim's 2 staff cleaned the room after the 2019 meeting with Putin in Beijing.": "",
	} {
		a := match.NewItem(&claims.Claim{ID: "a", Text: base}, "en")
		b := match.NewItem(&claims.Claim{ID: "b", Text: other}, "en")
		s := match.Lexical{}.Score(a, b)
		if reason == "" {
			if s.Kind != match.Same {
				t.Errorf("%q: %s %q, want same", other, s.Kind, s.Reasons)
			}
			continue
		}
		if s.Kind != match.Contradiction || !slices.ContainsFunc(s.Reasons, func(r string) bool { return strings.Contains(r, reason) }) {
			t.Errorf("%q: %s %q, want a contradiction for %s", other, s.Kind, s.Reasons, reason)
		}
	}
	a := match.NewItem(&claims.Claim{ID: "a", Text: "North Korea sent 15,000 soldiers to Russia."}, "")
	b := match.NewItem(&claims.Claim{ID: "b", Text: "North Korea sent 12,000 soldiers to Russia."}, "")
	if s := (match.Lexical{}).Score(a, b); s.Kind != match.Contradiction {
		t.Errorf("different numbers: %s %q, want a contradiction", s.Kind, s.Reasons)
	}
}

// Normalisation uses the language's stop words: a tag picks them, and
// without one they are guessed.
func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ text, tag, want string }{
		{"Kims Mitarbeiter entfernten alle Spuren seiner Anwesenheit nach dem Treffen.", "", "de"},
		{"Le personnel de Kim a effacé toutes les traces de sa présence.", "", "fr"},
		{"El personal de Kim borró todas las huellas de su presencia.", "", "es"},
		{"Kim's staff removed all traces of his presence.", "", "en"},
		{"Kim Putin Beijing", "fr-CH", "fr"},
		{"Kim Putin Beijing", "xx", "en"},
	} {
		if got := match.NewText(tc.text, tc.tag).Lang(); got != tc.want {
			t.Errorf("NewText(%q, %q).Lang() = %q, want %q", tc.text, tc.tag, got, tc.want)
		}
	}
}

// A claim's and a quote's language tags choose their stop words: "die"
// is a German article but an English verb.
func TestItemLanguages(t *testing.T) {
	c := claims.Claim{ID: "c", Text: "Die Soldaten die.", Lang: "de", Appearances: []claims.Appearance{
		{Source: "s", Quote: "Les soldats die.", Lang: "fr"},
		{Source: "s", Quote: "The soldiers die in the war."},
	}}
	it := match.NewItem(&c, "en")
	var got []string
	for _, w := range it.Wordings {
		got = append(got, w.Lang())
	}
	if want := []string{"de", "fr", "de"}; !slices.Equal(got, want) {
		t.Errorf("languages %q, want %q", got, want)
	}
}
