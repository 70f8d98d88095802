package af

// The ASPARTIX reader: a hand-written scanner over facts
//
//	fact := ("arg" "(" name ")" | "att" "(" name "," name ")") "."
//	name := [A-Za-z0-9_]+ | '"' chars '"'
//
// with whitespace and "%" line comments between tokens.

// pendingAttack is an attack naming an argument not declared yet.
type pendingAttack struct {
	from, to                 string
	fline, fcol, tline, tcol int
}

func parseAPX(src []byte) (*Framework, error) {
	l := newLexer(src)
	f := New(0)
	f.names, f.index = []string{}, map[string]int32{}
	var pending []pendingAttack
	for {
		l.skipSpace()
		if l.pos == len(l.src) {
			break
		}
		line, col := l.line, l.col()
		start := l.pos
		for l.pos < len(l.src) && isIdent(l.src[l.pos]) {
			l.pos++
		}
		pred := string(l.src[start:l.pos])
		if pred != "arg" && pred != "att" {
			return nil, l.errorf(line, col, ErrSyntax, "expected arg or att")
		}
		if err := l.expect('('); err != nil {
			return nil, err
		}
		l.skipSpace()
		aLine, aCol := l.line, l.col()
		a, err := l.name()
		if err != nil {
			return nil, err
		}
		var b string
		var bLine, bCol int
		if pred == "att" {
			if err := l.expect(','); err != nil {
				return nil, err
			}
			l.skipSpace()
			bLine, bCol = l.line, l.col()
			if b, err = l.name(); err != nil {
				return nil, err
			}
		}
		if err := l.expect(')'); err != nil {
			return nil, err
		}
		if err := l.expect('.'); err != nil {
			return nil, err
		}
		if pred == "arg" {
			if _, err := f.addArgument(a); err != nil {
				return nil, l.errorf(aLine, aCol, err, "%q", a)
			}
			continue
		}
		i, iok := f.index[a]
		j, jok := f.index[b]
		if !iok || !jok {
			pending = append(pending, pendingAttack{a, b, aLine, aCol, bLine, bCol})
			continue
		}
		if err := f.attack(int(i), int(j)); err != nil {
			return nil, l.at(line, col, err)
		}
	}
	// Attacks may come before the declarations they use.
	for _, p := range pending {
		i, iok := f.index[p.from]
		j, jok := f.index[p.to]
		switch {
		case !iok:
			return nil, l.errorf(p.fline, p.fcol, ErrUnknownArgument, "%q", p.from)
		case !jok:
			return nil, l.errorf(p.tline, p.tcol, ErrUnknownArgument, "%q", p.to)
		}
		if err := f.attack(int(i), int(j)); err != nil {
			return nil, l.at(p.fline, p.fcol, err)
		}
	}
	return f, nil
}

// skipSpace skips whitespace, newlines and "%" comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; {
		case c == '\n':
			l.pos++
			l.line++
			l.lineStart = l.pos
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
		default:
			return
		}
	}
}

// expect skips space and consumes the byte c.
func (l *lexer) expect(c byte) error {
	l.skipSpace()
	if l.pos == len(l.src) {
		return l.errorf(l.line, l.col(), ErrSyntax, "expected %q, got end of input", c)
	}
	if l.src[l.pos] != c {
		return l.errorf(l.line, l.col(), ErrSyntax, "expected %q, got %q", c, l.src[l.pos])
	}
	l.pos++
	return nil
}

// name skips space and reads a plain or quoted argument name.
func (l *lexer) name() (string, error) {
	l.skipSpace()
	line, col := l.line, l.col()
	if l.pos < len(l.src) && l.src[l.pos] == '"' {
		return l.quoted()
	}
	start := l.pos
	for l.pos < len(l.src) && isIdent(l.src[l.pos]) {
		l.pos++
	}
	if l.pos == start {
		return "", l.errorf(line, col, ErrSyntax, "expected argument name")
	}
	return string(l.src[start:l.pos]), nil
}

// quoted reads a double-quoted name with \" \\ and \n escapes.
func (l *lexer) quoted() (string, error) {
	line, col := l.line, l.col()
	l.pos++ // opening quote
	var buf []byte
	for {
		if l.pos == len(l.src) || l.src[l.pos] == '\n' {
			return "", l.errorf(line, col, ErrSyntax, "unterminated quoted name")
		}
		c := l.src[l.pos]
		l.pos++
		switch c {
		case '"':
			if len(buf) == 0 {
				return "", l.errorf(line, col, ErrSyntax, "empty argument name")
			}
			return string(buf), nil
		case '\\':
			if l.pos == len(l.src) {
				return "", l.errorf(line, col, ErrSyntax, "unterminated quoted name")
			}
			switch e := l.src[l.pos]; e {
			case '"', '\\':
				buf = append(buf, e)
			case 'n':
				buf = append(buf, '\n')
			default:
				return "", l.errorf(l.line, l.col(), ErrSyntax, "unknown escape \\%c", e)
			}
			l.pos++
		default:
			buf = append(buf, c)
		}
	}
}
