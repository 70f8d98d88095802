package match_test

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
)

// The generator of claims for the benchmarks: news-like sentences from
// templates, each template with several surface forms that say the same
// thing in other words, slots filled from large vocabularies (names and
// places made of syllables, numbers, dates), and a share of claims
// planted as paraphrases of earlier ones: the same slots in another form,
// with synonyms swapped in. Everything follows from the seed.

var syllables = strings.Fields("ka ri mo ta len vi sa do ru mi ne ko ba zan lo pe gor tin va sha li nu ber hal dru fen mar so ket")

var (
	firstNames = strings.Fields("Anna Boris Chen David Elena Farid Grace Hiro Ivan Jana Karim Lena Marco Nadia Omar Petra Ravi Sofia Tomas Yuki Amal Bruno Clara Dmitri Eva Felix Hana Igor Julia Kofi Lucia Mateo Nina Oleg Paula Rosa Samir Tara Umar Vera")
	roles      = []string{"foreign minister", "defence minister", "president", "prime minister", "spokesman", "ambassador", "army chief", "central bank governor"}
	goods      = []string{"grain", "oil", "gas", "steel", "fertiliser", "coal", "rice", "timber", "copper", "cotton"}
	arms       = []string{"drones", "artillery shells", "missiles", "tanks", "rifles", "armoured vehicles"}
	deals      = []string{"trade agreement", "defence pact", "energy deal", "border treaty", "ceasefire"}
	months     = strings.Fields("January February March April May June July August September October November December")
	synonyms   = map[string][]string{
		"said":      {"stated", "announced", "declared"},
		"sent":      {"dispatched", "shipped", "delivered"},
		"signed":    {"concluded", "sealed"},
		"met":       {"held talks with", "sat down with"},
		"banned":    {"prohibited", "blocked"},
		"killed":    {"died", "lost their lives"},
		"accused":   {"charged", "blamed"},
		"people":    {"civilians", "residents"},
		"visited":   {"travelled to", "toured"},
		"increased": {"raised", "lifted"},
	}
)

// word makes a capitalised word of 2 or 3 syllables: a surname, a city.
func word(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// vocab holds the slot fillers of one generated corpus.
type vocab struct {
	people, cities, countries, orgs []string
}

func newVocab(r *rand.Rand, n int) *vocab {
	v := &vocab{}
	for range max(n/20, 50) {
		v.people = append(v.people, firstNames[r.IntN(len(firstNames))]+" "+word(r))
	}
	for range max(n/50, 30) {
		v.cities = append(v.cities, word(r))
	}
	for range max(n/200, 200) { // countries and regions
		v.countries = append(v.countries, word(r)+"ia")
	}
	for range max(n/100, 20) {
		v.orgs = append(v.orgs, "the "+word(r)+" "+[]string{"Institute", "Agency", "Monitor", "Times", "Herald"}[r.IntN(5)])
	}
	return v
}

// slots is one filling of a template.
type slots struct {
	p, p2, c, c2, city, org, role, thing, deal string
	n, year, day, month                        int
}

func (v *vocab) fill(r *rand.Rand) slots {
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	s := slots{p: pick(v.people), p2: pick(v.people), c: pick(v.countries), c2: pick(v.countries), city: pick(v.cities),
		org: pick(v.orgs), role: pick(roles), deal: pick(deals), n: 2 + r.IntN(50000), year: 2015 + r.IntN(11),
		day: 1 + r.IntN(28), month: r.IntN(12)}
	if r.IntN(2) == 0 {
		s.thing = pick(goods)
	} else {
		s.thing = pick(arms)
	}
	return s
}

// forms are the templates: each a list of surface forms of one
// proposition.
var forms = [][]func(s slots) string{
	{
		func(s slots) string {
			return fmt.Sprintf("%s, the %s of %s, said on %d %s that %s had sent %d tonnes of %s to %s.", s.p, s.role, s.c, s.day, months[s.month], s.c2, s.n, s.thing, s.city)
		},
		func(s slots) string {
			return fmt.Sprintf("%s has sent %d tonnes of %s to %s, %s's %s %s said on %d %s.", s.c2, s.n, s.thing, s.city, s.c, s.role, s.p, s.day, months[s.month])
		},
		func(s slots) string {
			return fmt.Sprintf("According to %s %s %s, %d tonnes of %s were sent by %s to %s.", s.c, s.role, s.p, s.n, s.thing, s.c2, s.city)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s and %s signed a %s in %s on %d %s %d.", s.c, s.c2, s.deal, s.city, s.day, months[s.month], s.year)
		},
		func(s slots) string {
			return fmt.Sprintf("A %s between %s and %s was signed in %s in %s %d.", s.deal, s.c2, s.c, s.city, months[s.month], s.year)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s met %s in %s for more than %d hours, %s reported.", s.p, s.p2, s.city, 2+s.n%5, s.org)
		},
		func(s slots) string {
			return fmt.Sprintf("%s reported that %s and %s met for over %d hours in %s.", s.org, s.p, s.p2, 2+s.n%5, s.city)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s people were killed in %s after shelling by forces of %s, %s said.", fmt.Sprint(s.n%900+3), s.city, s.c, s.org)
		},
		func(s slots) string {
			return fmt.Sprintf("Shelling by %s forces killed %d people in %s, according to %s.", s.c, s.n%900+3, s.city, s.org)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s has banned imports of %s from %s since %d.", s.c, s.thing, s.c2, s.year)
		},
		func(s slots) string {
			return fmt.Sprintf("Since %d, imports of %s from %s have been banned by %s.", s.year, s.thing, s.c2, s.c)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("Staff of %s removed all traces of his presence after the meeting with %s in %s.", s.p, s.p2, s.city)
		},
		func(s slots) string {
			return fmt.Sprintf("After %s met %s in %s, his staff cleaned the room to remove all traces of his presence.", s.p, s.p2, s.city)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s accused %s of supplying %s to rebels during a speech in %s.", s.p, s.c2, s.thing, s.city)
		},
		func(s slots) string {
			return fmt.Sprintf("In a speech in %s, %s accused %s of giving %s to the rebels.", s.city, s.p, s.c2, s.thing)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s increased its military budget by %d million dollars in %d, %s reported.", s.c, s.n, s.year, s.org)
		},
		func(s slots) string {
			return fmt.Sprintf("In %d %s raised military spending by %d million dollars, according to %s.", s.year, s.c, s.n, s.org)
		},
	},
	{
		func(s slots) string {
			return fmt.Sprintf("%s visited %s for the first time since %d.", s.p, s.city, s.year)
		},
		func(s slots) string {
			return fmt.Sprintf("It was the first visit of %s to %s since %d.", s.p, s.city, s.year)
		},
	},
}

// paraphrase swaps about a third of the words that have synonyms.
func paraphrase(r *rand.Rand, text string) string {
	ws := strings.Fields(text)
	for i, w := range ws {
		if alt, ok := synonyms[w]; ok && r.IntN(3) == 0 {
			ws[i] = alt[r.IntN(len(alt))]
		}
	}
	return strings.Join(ws, " ")
}

// generate returns n claims, about a tenth of them planted paraphrases
// of an earlier claim, and the planted pairs as positions (earlier,
// later). A fifth of the claims carry a quote in another form.
func generate(n int, seed uint64) ([]claims.Claim, [][2]int) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	v := newVocab(r, n)
	type made struct {
		t int
		s slots
	}
	hist := make([]made, 0, n)
	cs := make([]claims.Claim, n)
	var planted [][2]int
	for i := range cs {
		var m made
		form := 0
		if i > 10 && r.IntN(10) == 0 {
			j := r.IntN(i)
			m = hist[j]
			form = 1 + r.IntN(len(forms[m.t])-1)
			planted = append(planted, [2]int{j, i})
		} else {
			m = made{t: r.IntN(len(forms)), s: v.fill(r)}
			form = 0
		}
		hist = append(hist, m)
		text := forms[m.t][form](m.s)
		if form > 0 {
			text = paraphrase(r, text)
		}
		c := claims.Claim{ID: fmt.Sprintf("g%07d", i), Text: text,
			Appearances: []claims.Appearance{{Source: fmt.Sprintf("s%05d", r.IntN(max(n/10, 1)))}}}
		if r.IntN(5) == 0 {
			alt := forms[m.t][r.IntN(len(forms[m.t]))](m.s)
			c.Appearances[0].Quote = paraphrase(r, alt)
		}
		cs[i] = c
	}
	return cs, planted
}
