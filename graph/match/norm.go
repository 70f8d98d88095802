package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps the Latin letters with diacritics, and the ligatures, to
// plain ASCII: "é" to "e", "ß" to "ss", "Æ" (after lower-casing) to "ae".
var fold = func() map[rune]string {
	const pairs = "àa áa âa ãa äa åa āa ăa ąa çc ćc ĉc ċc čc ďd đd èe ée êe ëe ēe ĕe ėe ęe ěe " +
		"ĝg ğg ġg ģg ĥh ħh ìi íi îi ïi ĩi īi ĭi įi ıi ĵj ķk ĺl ļl ľl ŀl łl ñn ńn ņn ňn " +
		"òo óo ôo õo öo øo ōo ŏo őo ŕr ŗr řr śs ŝs şs šs șs ţt ťt ŧt țt ùu úu ûu üu ũu ūu ŭu ůu űu ųu " +
		"ŵw ýy ÿy ŷy źz żz žz ðd þth ßss æae œoe"
	m := make(map[rune]string)
	for _, p := range strings.Fields(pairs) {
		r := []rune(p)
		m[r[0]] = string(r[1:])
	}
	return m
}()

// Fold returns s lower-cased, with Latin diacritics and ligatures
// folded to ASCII ("Moon Jae-in’s Ærø" to "moon jae-in’s aero"), written
// precomposed or decomposed (NFD), the Greek final sigma made a sigma
// (an upper-case text has none), other characters kept. It costs
// O(len(s)).
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || 'A' <= s[i] && s[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // the last rune written
	for _, r := range s {
		r = unicode.ToLower(r)
		if r == 'ς' {
			r = 'σ' // "ΟΔΟΣ" lower-cased is "οδοσ": a final sigma is a sigma
		}
		if f, ok := fold[r]; ok {
			b.WriteString(f)
			prev = rune(f[len(f)-1])
		} else if !(combining(r) && 'a' <= prev && prev <= 'z') {
			b.WriteRune(r)
			prev = r
		}
	}
	return b.String()
}

// combining reports whether r is one of the combining diacritical marks
// (U+0300 to U+036F) that a text in decomposed form (NFD) writes after a
// Latin letter instead of the letter with its diacritic: "u" and U+0308
// for "ü". Fold drops them after a Latin letter, as it folds "ü" to "u".
func combining(r rune) bool { return 0x300 <= r && r <= 0x36f }

// Words splits text into words: runs of letters and digits, each letter
// with its combining marks (a text in decomposed form, NFD). Apostrophes
// inside a word join it and the possessive "'s" is dropped ("kim's" is
// "kim"); a comma or point between digits joins a number ("15,000" is
// "15000", "2.5" is "2.5"); everything else separates. The words share
// the bytes of text unless a separator had to be dropped.
//
// Chinese, Japanese and Korean are not written in words separated by
// spaces (Korean separates phrases with their particles attached), so a
// run of Han, Hiragana, Katakana or Hangul characters gives its
// overlapping character bigrams instead: "金正恩会面" gives "金正", "正恩",
// "恩会" and "会面", and a run of one character that character. Two
// wordings of one claim share most of their bigrams, as two wordings in
// English share most of their words.
func Words(text string) []string {
	var out []string
	start, dirty := -1, false
	var prev rune // the last rune of the word being read
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		if dirty {
			w = clean(w)
		}
		if w != "" {
			out = append(out, w)
		}
		start, dirty = -1, false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if cjk(r) {
			flush(i)
			var n int
			out, n = bigrams(out, text[i:])
			i += n
			prev = 0
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			// A combining mark is part of the letter before it: "u"
			// and U+0308 is "ü" in decomposed form (NFD).
		case (r == '\'' || r == '’') && start >= 0 && unicode.IsLetter(next):
			dirty = true
		case r == ',' && start >= 0 && unicode.IsDigit(prev) && unicode.IsDigit(next):
			dirty = true
		case r == '.' && start >= 0 && unicode.IsDigit(prev) && unicode.IsDigit(next):
		default:
			flush(i)
		}
		prev = r
		i += size
	}
	flush(len(text))
	return out
}

// cjk reports whether r is written without spaces between words: Han,
// Hiragana, Katakana or Hangul, and the marks of Common script used
// inside Japanese words (the prolonged sound mark "ー" and the
// iteration mark "々").
func cjk(r rune) bool {
	return r >= 0x1100 && (r == 'ー' || r == '々' ||
		unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul))
}

// bigrams appends to out the overlapping character bigrams of the run of
// CJK characters at the start of text, the character alone when the run
// has one, and returns out and the run's length in bytes.
func bigrams(out []string, text string) ([]string, int) {
	last, i := -1, 0 // last: the offset of the run's previous character
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !cjk(r) {
			break
		}
		if last >= 0 {
			out = append(out, text[last:i+size])
		}
		last = i
		i += size
	}
	if last == 0 { // a run of one character
		out = append(out, text[:i])
	}
	return out, i
}

// clean drops from a word its thousands separators, its possessive "'s"
// and its apostrophes.
func clean(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch r {
		case ',':
		case '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	w = strings.TrimSuffix(b.String(), "'s")
	w = strings.TrimSuffix(w, "'S")
	return strings.ReplaceAll(w, "'", "")
}

// isNumber reports whether w is written with digits: "15000", "2025",
// "2.5", "80th".
func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// stem strips the commonest English inflections, so that "removing",
// "removed" and "remove" meet as "remov", and "staffers" and "staff" as
// "staff". It is deliberately crude: the two sides of a pair are stemmed
// alike, which is all matching needs.
func stem(w string) string {
	if len(w) <= 3 || isNumber(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "er") && len(w) > 5:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ly") && len(w) > 5:
		w = w[:len(w)-2]
	}
	if strings.HasSuffix(w, "e") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	// a doubled final consonant left by -ing or -ed: "stopp" -> "stop"
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// lang is what normalisation knows of one language: its stop words and
// its markers of negation and exclusivity, which can turn one wording of
// a claim into its contradiction.
type lang struct {
	stop    map[string]bool
	negate  map[string]bool // "not", "never", "no"
	exclude map[string]bool // "only", "first", "sole"
	// opposite pairs words whose swap reverses a claim: "before" and
	// "after". Both directions are listed.
	opposite map[string]string
	nouns    bool // every noun is capitalised (German), so capitals do not mark names
	stem     func(string) string

	code  string               // the primary BCP 47 subtag: "en"
	class map[string]wordClass // every function word: stop words and markers
}

// wordClass says what a function word is, so that normalisation looks a
// word up once.
type wordClass uint8

const (
	content   wordClass = iota // not a function word
	stopWord                   // a stop word
	negation                   // in negate
	exclusive                  // in exclude
	ordering                   // in opposite
)

func init() {
	for code, l := range langs {
		l.code = code
		l.class = make(map[string]wordClass)
		for w := range l.stop {
			l.class[w] = stopWord
		}
		for w := range l.opposite {
			l.class[w] = ordering
		}
		for w := range l.exclude {
			l.class[w] = exclusive
		}
		for w := range l.negate {
			l.class[w] = negation
		}
	}
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func same(w string) string { return w }

// opposites reads pairs of words, each the opposite of the other.
func opposites(pairs string) map[string]string {
	m := make(map[string]string)
	f := strings.Fields(pairs)
	for i := 0; i+1 < len(f); i += 2 {
		m[f[i]], m[f[i+1]] = f[i+1], f[i]
	}
	return m
}

// langs holds the languages normalisation knows, by primary BCP 47
// subtag. Stop words are the function words of each language; markers
// are stop words too, so they never count as shared wording.
var langs = map[string]*lang{
	"en": {
		stop: set(`a an the and or but if then than so as of in on at to from by for with without about into onto over under
			after before during since until while between among against through upon per via
			is are was were be been being am has have had having do does did done will would shall should can could may might must
			i me my we us our you your he him his she her it its they them their this that these those there here
			who whom whose which what when where why how also too very just even still yet again already
			said says say told according reported reportedly
			both one two three each another such many several some other together however meanwhile immediately afterward afterwards`),
		negate:  set("not no never none nobody nothing neither nor cannot dont doesnt didnt isnt wasnt arent werent wont denied denies deny false"),
		exclude: set("only first sole solely"),
		opposite: opposites("before after more less most least increase decrease increased decreased rise fall rose fell " +
			"higher lower won lost win lose above below"),
		stem: stem,
	},
	"de": {
		stop: set(`der die das den dem des ein eine einen einem einer eines und oder aber wenn dann als wie von zu im in an am auf aus bei mit nach seit
			vor fur uber unter durch zum zur ist sind war waren sein gewesen hat haben hatte hatten wird werden wurde wurden kann konnte
			ich du er sie es wir ihr sich sein seine ihre dieser diese dieses auch noch schon sehr so dass sagte sagt laut`),
		negate:  set("nicht kein keine keinen keinem keiner nie niemals niemand nichts weder"),
		exclude: set("nur einzige einzigen einziger erste ersten erster alle jede jeder"),
		nouns:   true,
		stem:    same,
	},
	"fr": {
		stop: set(`le la les l un une des du de d et ou mais si alors que qui quoi dont ou dans en sur sous a au aux par pour avec sans
			entre apres avant depuis pendant est sont etait etaient etre ete a ont avait avaient sera seront peut
			je tu il elle nous vous ils elles se son sa ses leur leurs ce cet cette ces y aussi encore deja tres selon dit a-t-il`),
		negate:  set("ne n pas jamais aucun aucune personne rien ni"),
		exclude: set("seul seule seuls seules premier premiere tous toutes"),
		stem:    same,
	},
	"es": {
		stop: set(`el la los las un una unos unas y o pero si que quien cual cuando donde como de del al a en sobre bajo por para con sin
			entre tras antes desde durante es son era eran ser sido ha han habia habian sera puede
			yo tu el ella nosotros ellos ellas se su sus este esta estos estas ese esa tambien aun ya muy segun dijo`),
		negate:  set("no nunca jamas ningun ninguna ninguno nadie nada ni"),
		exclude: set("solo sola unico unica primer primero primera todos todas"),
		stem:    same,
	},
}

// language returns the language of tag (a BCP 47 tag such as "en-GB"),
// or, when tag is empty or unknown, the known language whose stop words
// the words use most, English on a tie.
func language(tag string, words []string) *lang {
	if tag != "" {
		primary := strings.ToLower(tag)
		if i := strings.IndexAny(primary, "-_"); i >= 0 {
			primary = primary[:i]
		}
		if l, ok := langs[primary]; ok {
			return l
		}
	}
	best, n := langs["en"], 0
	for _, code := range []string{"en", "de", "fr", "es"} {
		l, c := langs[code], 0
		for _, w := range words {
			if l.stop[w] {
				c++
			}
		}
		if c > n {
			best, n = l, c
		}
	}
	return best
}
